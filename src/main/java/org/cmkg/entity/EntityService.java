package org.cmkg.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;
import org.cmkg.entity.EntityView.ClaimView;
import org.cmkg.entity.EntityView.Link;
import org.cmkg.entity.EntityView.PropertyValues;
import org.cmkg.entity.EntityView.QuantityView;
import org.cmkg.entity.EntityView.Ref;
import org.cmkg.entity.EntityView.SectionRef;
import org.cmkg.entity.EntityView.Unit;
import org.cmkg.error.BadRequestException;
import org.cmkg.error.NotFoundException;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.Labels;
import org.cmkg.linkeddata.ResourceDescriber;
import org.cmkg.linkeddata.ResourceDescriber.Description;
import org.cmkg.vocab.CMKG;
import org.cmkg.vocab.Curies;
import org.cmkg.vocab.Prov;
import org.cmkg.vocab.Qudt;

/**
 * Renders the one description of a resource ({@link ResourceDescriber}, the same the linked-data
 * pages show, with the same {@link Labels}) as JSON ({@link EntityView}): its labels, types,
 * statements with their graphs and links, and the claims about it (those that name it with
 * {@code cmkg:about}, and those whose quantities count it) with their quotes, numbers and sources.
 */
public final class EntityService {
    private static final Set<Node> ABOUT = Set.of(CMKG.about.asNode(), CMKG.ofEntity.asNode(), CMKG.ofMaterial.asNode());
    private static final Set<String> LINK_PROPERTIES = Set.of(OWL.sameAs.getURI(), SKOS.exactMatch.getURI(),
            SKOS.closeMatch.getURI(), SKOS.relatedMatch.getURI(), RDFS.seeAlso.getURI(),
            FOAF.isPrimaryTopicOf.getURI(), FOAF.page.getURI(), SchemaDO.sameAs.getURI());
    private static final Set<String> SHOWN_APART = Set.of(RDF.type.getURI(), RDFS.label.getURI(), SKOS.altLabel.getURI());

    private final ResourceDescriber describer;
    private final IriSpace iris;
    private final Curies curies;

    public EntityService(ResourceDescriber describer, IriSpace iris) {
        this.describer = describer;
        this.iris = iris;
        this.curies = new Curies(iris.idSpace(), iris.graphSpace());
    }

    /** Describes the resource; 400 for text that is not an IRI, 404 for an IRI the data does not describe. */
    public EntityView describe(String iriText) {
        String iri = curies.expand(iriText);
        if (iri == null)
            throw new BadRequestException("iri must be an absolute IRI or a prefixed name such as id:country/ukraine, not '"
                    + iriText + "'.");
        Description description = describer.describe(iri).filter(d -> !d.own().isEmpty())
                .orElseThrow(() -> new NotFoundException("The knowledge graph has nothing about <" + iri + ">."));
        Node subject = description.resource();
        Graph graph = description.graph();
        Labels labels = new Labels(graph, iris);
        List<Node> claims = description.claimLinks().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(ABOUT::contains))
                .map(Map.Entry::getKey).toList();
        boolean isClaim = graph.contains(subject, RDF.type.asNode(), CMKG.Claim.asNode());
        List<ClaimView> claimViews = new ArrayList<>();
        for (Node c : claims)
            if (graph.contains(c, CMKG.statement.asNode(), Node.ANY) || graph.contains(c, OA.hasTarget.asNode(), Node.ANY))
                claimViews.add(claimView(c, graph, labels));
        claimViews.sort(Comparator.comparing((ClaimView c) -> c.document() == null ? "" : c.document().iri())
                .thenComparing(c -> order(graph, c.iri())).thenComparing(ClaimView::iri));
        return view(iri, new ArrayList<>(description.own()), labels, isClaim ? claimView(subject, graph, labels) : null, claimViews,
                claims.size());
    }

    private EntityView view(String iri, List<Quad> own, Labels labels, ClaimView claim, List<ClaimView> claims, int claimCount) {
        Map<String, List<String>> names = new TreeMap<>();
        Map<String, List<String>> altNames = new TreeMap<>();
        List<Ref> types = new ArrayList<>();
        Set<String> graphs = new LinkedHashSet<>();
        Map<String, List<Map<String, Object>>> properties = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        own.sort(Comparator.comparing((Quad q) -> q.getPredicate().getURI()).thenComparing(q -> q.getObject().toString()));
        for (Quad q : own) {
            Node o = q.getObject();
            String graph = q.getGraph().getURI();
            graphs.add(graph);
            String p = q.getPredicate().getURI();
            if (p.equals(RDF.type.getURI()) && o.isURI()) {
                if (types.stream().noneMatch(t -> t.iri().equals(o.getURI())))
                    types.add(ref(o, labels));
            } else if (p.equals(RDFS.label.getURI()) && o.isLiteral()) {
                addName(names, o);
            } else if (p.equals(SKOS.altLabel.getURI()) && o.isLiteral()) {
                addName(altNames, o);
            } else if (LINK_PROPERTIES.contains(p) && o.isURI() && !iris.isOurs(o.getURI())) {
                links.add(new Link(p, o.getURI()));
            } else if (!SHOWN_APART.contains(p)) {
                properties.computeIfAbsent(p, k -> new ArrayList<>()).add(value(o, graph, labels));
            }
        }
        List<PropertyValues> grouped = new ArrayList<>();
        properties.forEach((p, values) -> grouped.add(new PropertyValues(ref(NodeFactory.createURI(p), labels), values)));
        return new EntityView(iri, names, altNames, types, List.copyOf(graphs), grouped, links, claim, claims, claimCount);
    }

    private static void addName(Map<String, List<String>> names, Node literal) {
        String lang = literal.getLiteralLanguage().isEmpty() ? "und" : literal.getLiteralLanguage().toLowerCase(Locale.ROOT);
        List<String> list = names.computeIfAbsent(lang, k -> new ArrayList<>());
        if (!list.contains(literal.getLiteralLexicalForm()))
            list.add(literal.getLiteralLexicalForm());
    }

    private static ClaimView claimView(Node claim, Graph g, Labels labels) {
        String quote = null;
        for (Node target : objects(g, claim, OA.hasTarget))
            for (Node selector : objects(g, target, OA.hasSelector))
                for (Node exact : objects(g, selector, OA.exact))
                    if (quote == null && exact.isLiteral())
                        quote = exact.getLiteralLexicalForm();
        Map<String, String> dates = new LinkedHashMap<>();
        for (Property p : List.of(CMKG.eventDate, CMKG.periodStart, CMKG.periodEnd))
            objects(g, claim, p).stream().filter(Node::isLiteral).findFirst()
                    .ifPresent(d -> dates.put(p.getLocalName(), d.getLiteralLexicalForm()));
        Node section = first(g, claim, CMKG.inSection);
        List<QuantityView> quantities = objects(g, claim, CMKG.hasQuantity).stream()
                .map(q -> quantity(q, g, labels))
                .sorted(Comparator.comparing(QuantityView::iri)).toList();
        return new ClaimView(claim.getURI(), byLang(g, claim, RDFS.label), byLang(g, claim, CMKG.statement),
                ref(first(g, claim, CMKG.claimKind), labels), quote, ref(first(g, claim, Prov.wasDerivedFrom), labels),
                section == null || !section.isURI() ? null
                        : new SectionRef(section.getURI(), labels.byLanguage(section), labels.sectionNumber(section).orElse(null)),
                refs(g, claim, CMKG.about, labels), refs(g, claim, CMKG.citedSource, labels), dates, quantities,
                refs(g, claim, CMKG.disagreesWith, labels));
    }

    private static QuantityView quantity(Node q, Graph g, Labels labels) {
        Node unit = first(g, q, Qudt.unit);
        return new QuantityView(q.getURI(), ref(first(g, q, CMKG.measure), labels),
                decimal(first(g, q, Qudt.numericValue)), decimal(first(g, q, SchemaDO.minValue)), decimal(first(g, q, SchemaDO.maxValue)),
                unit == null || !unit.isURI() ? null : new Unit(unit.getURI(), labels.byLanguage(unit), labels.symbol(unit).orElse(null)),
                ref(first(g, q, CMKG.qualifier), labels), lexical(first(g, q, CMKG.sourceExpression)),
                lexical(first(g, q, CMKG.referenceYear)), ref(first(g, q, CMKG.ofEntity), labels),
                ref(first(g, q, CMKG.ofMaterial), labels), ref(first(g, q, CMKG.place), labels),
                ref(first(g, q, CMKG.shareOf), labels));
    }

    private static Map<String, Object> value(Node o, String graph, Labels labels) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (o.isURI()) {
            v.put("iri", o.getURI());
            v.put("label", labels.byLanguage(o));
        } else if (o.isLiteral()) {
            Object number = o.getLiteralValue() instanceof Number n ? n : null;
            v.put("value", number != null ? number : o.getLiteralLexicalForm());
            if (!o.getLiteralLanguage().isEmpty())
                v.put("lang", o.getLiteralLanguage());
            else
                v.put("datatype", o.getLiteralDatatypeURI());
        } else {
            v.put("value", o.toString());
        }
        if (graph != null)
            v.put("graph", graph);
        return v;
    }

    private static int order(Graph g, String claim) {
        Node o = first(g, NodeFactory.createURI(claim), CMKG.order);
        return o != null && o.isLiteral() && o.getLiteralValue() instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
    }

    private static Ref ref(Node n, Labels labels) {
        return n == null || !n.isURI() ? null : new Ref(n.getURI(), labels.byLanguage(n));
    }

    private static List<Ref> refs(Graph g, Node s, Property p, Labels labels) {
        return objects(g, s, p).stream().filter(Node::isURI).map(n -> ref(n, labels))
                .sorted(Comparator.comparing(Ref::iri)).toList();
    }

    private static Map<String, String> byLang(Graph g, Node s, Property p) {
        Map<String, String> m = new TreeMap<>();
        for (Node o : objects(g, s, p))
            if (o.isLiteral())
                m.putIfAbsent(o.getLiteralLanguage().isEmpty() ? "und" : o.getLiteralLanguage(), o.getLiteralLexicalForm());
        return m;
    }

    private static List<Node> objects(Graph g, Node s, Property p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p.asNode(), Node.ANY).forEach(t -> out.add(t.getObject()));
        return out;
    }

    private static Node first(Graph g, Node s, Property p) {
        return objects(g, s, p).stream().min(Comparator.comparing(Node::toString)).orElse(null);
    }

    private static BigDecimal decimal(Node n) {
        if (n == null || !n.isLiteral() || !(n.getLiteralValue() instanceof Number num))
            return null;
        return new BigDecimal(num.toString());
    }

    private static String lexical(Node n) {
        return n == null || !n.isLiteral() ? null : n.getLiteralLexicalForm();
    }
}
