package org.cmkg.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cmkg.vocab.Qudt;
import org.cmkg.web.i18n.Ui;

/**
 * The documentation page of the ontology: its title, version and licence, then every class,
 * property, controlled value and unit it declares, each under an anchor named by its local name
 * (so {@code https://w3id.org/cmkg/ontology#Claim} lands on the entry for {@code cmkg:Claim}),
 * with its labels and definitions in English and Chinese and its links to other terms.
 */
public final class OntologyPage {
    private static final Node ONTOLOGY = OWL.Ontology.asNode();

    private final IriSpace iris;

    public OntologyPage(IriSpace iris) {
        this.iris = iris;
    }

    public String render(Graph ontology, Node ontologyIri, String localPath, Ui ui) {
        Labels labels = new Labels(ontology, iris);
        NodeView nodes = new NodeView(iris, labels, ui);
        HtmlWriter w = new HtmlWriter();
        String title = nodes.name(ontologyIri);
        w.open("h1").text(title);
        nodes.writeOtherName(w, ontologyIri);
        w.close("h1");
        w.open("p", "class", "iri").element("code", ontologyIri.getURI()).close("p");
        w.open("table", "class", "props");
        for (Node p : List.of(OWL.versionInfo.asNode(), OWL.versionIRI.asNode(), DCTerms.license.asNode(),
                DCTerms.created.asNode(), DCTerms.modified.asNode(), DCTerms.creator.asNode())) {
            ontology.find(ontologyIri, p, Node.ANY).forEach(t -> {
                w.open("tr").element("th", Labels.localName(p)).open("td");
                nodes.write(w, t.getObject());
                w.close("td").close("tr");
            });
        }
        w.close("table");
        labels.literals(ontologyIri, DCTerms.description.asNode()).stream()
                .filter(d -> d.getLiteralLanguage().equals(ui.tag()))
                .forEach(d -> w.element("p", d.getLiteralLexicalForm(), "lang", d.getLiteralLanguage()));
        w.open("p", "class", "formats").text(ui.t("ontology.asData") + " ");
        for (Representation r : Representation.values())
            if (r != Representation.HTML)
                w.link(localPath + "." + r.suffix(), r.suffix(), "type", r.mediaType());
        w.close("p");

        Map<String, List<Node>> sections = sections(ontology, ontologyIri, labels);
        w.open("ul", "class", "toc");
        sections.forEach((name, terms) -> {
            if (!terms.isEmpty())
                w.open("li").link("#" + anchor(name), ui.t(name) + " (" + terms.size() + ")").close("li");
        });
        w.close("ul").newline();
        sections.forEach((name, terms) -> {
            if (terms.isEmpty())
                return;
            w.element("h2", ui.t(name), "id", anchor(name)).open("dl").newline();
            terms.forEach(term -> writeTerm(w, ontology, term, labels, nodes));
            w.close("dl").newline();
        });
        return PageLayout.page(ui, PageLayout.Page.of(title, w.toString(), PageLayout.Section.ONTOLOGY));
    }

    private void writeTerm(HtmlWriter w, Graph g, Node term, Labels labels, NodeView nodes) {
        w.open("dt", "id", anchorOf(term)).text(nodes.name(term));
        nodes.writeOtherName(w, term);
        w.text(" ").element("code", curie(term)).close("dt").open("dd");
        // The definition in the page's language first.
        for (Node p : List.of(SKOS.definition.asNode(), RDFS.comment.asNode())) {
            List<Node> texts = new ArrayList<>(labels.literals(term, p));
            texts.sort(Comparator.comparing((Node d) -> !d.getLiteralLanguage().equals(nodes.lang())));
            texts.forEach(d -> w.element("p", d.getLiteralLexicalForm(), "lang", d.getLiteralLanguage()));
        }
        for (Node p : List.of(RDFS.subClassOf.asNode(), RDFS.subPropertyOf.asNode(), RDFS.domain.asNode(),
                RDFS.range.asNode(), SKOS.inScheme.asNode(), SKOS.broader.asNode(), OWL.inverseOf.asNode())) {
            List<Node> values = new ArrayList<>();
            g.find(term, p, Node.ANY).forEach(t -> values.add(t.getObject()));
            values.removeIf(v -> !v.isURI());
            if (values.isEmpty())
                continue;
            w.open("p", "class", "meta").text(Labels.localName(p) + ": ");
            values.sort(Comparator.comparing(Node::getURI));
            for (int i = 0; i < values.size(); i++) {
                if (i > 0)
                    w.text(", ");
                nodes.writeIri(w, values.get(i));
            }
            w.close("p");
        }
        w.close("dd").newline();
    }

    /**
     * The terms of each kind by the message key of the kind's heading, in a stable order; a term
     * appears once, in its first matching section.
     */
    private Map<String, List<Node>> sections(Graph g, Node ontologyIri, Labels labels) {
        Map<String, List<Node>> sections = new LinkedHashMap<>();
        sections.put("ontology.classes", subjectsOfType(g, OWL.Class.asNode()));
        sections.put("ontology.objectProperties", subjectsOfType(g, OWL.ObjectProperty.asNode()));
        sections.put("ontology.datatypeProperties", subjectsOfType(g, OWL.DatatypeProperty.asNode()));
        sections.put("ontology.annotationProperties", subjectsOfType(g, OWL.AnnotationProperty.asNode()));
        sections.put("ontology.schemes", subjectsOfType(g, SKOS.ConceptScheme.asNode()));
        sections.put("ontology.values", subjectsOfType(g, SKOS.Concept.asNode()));
        sections.put("ontology.units", subjectsOfType(g, Qudt.Unit.asNode()));
        List<Node> seen = new ArrayList<>(List.of(ontologyIri, ONTOLOGY));
        sections.values().forEach(list -> {
            list.removeIf(seen::contains);
            list.removeIf(n -> labels.exactly(n, "en").isEmpty() && labels.exactly(n, "zh").isEmpty());
            seen.addAll(list);
        });
        return sections;
    }

    private static List<Node> subjectsOfType(Graph g, Node type) {
        List<Node> out = new ArrayList<>();
        g.find(Node.ANY, Terms.TYPE, type).forEach(t -> {
            if (t.getSubject().isURI())
                out.add(t.getSubject());
        });
        out.sort(Comparator.comparing(Node::getURI));
        return out;
    }

    private String anchorOf(Node term) {
        String iri = term.getURI();
        if (iri.startsWith(iris.ontologyNamespace()))
            return iri.substring(iris.ontologyNamespace().length());
        return curie(term).replace(':', '-');
    }

    private String curie(Node term) {
        String iri = term.getURI();
        if (iri.startsWith(iris.ontologyNamespace()))
            return "cmkg:" + iri.substring(iris.ontologyNamespace().length());
        if (iri.startsWith(Qudt.UNIT_NS))
            return "unit:" + iri.substring(Qudt.UNIT_NS.length());
        return iri;
    }

    /** The anchor of a section, from its message key ({@code ontology.objectProperties} → {@code objectproperties}). */
    private static String anchor(String sectionKey) {
        return sectionKey.substring(sectionKey.indexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
