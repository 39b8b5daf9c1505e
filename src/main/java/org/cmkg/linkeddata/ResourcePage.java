package org.cmkg.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The HTML page of a described resource (see {@link ResourceDescriber}): its labels in both
 * languages and types, every property with links, its parts (quote, quantities, geometry), the
 * links out, the claims about it with their exact quotes and numbers, the disagreements, the
 * other resources that link to it, and links to its other formats and to SPARQL.
 */
public final class ResourcePage {
    private static final List<Node> LINKS_OUT = List.of(Terms.SAME_AS, Terms.EXACT_MATCH, Terms.PRIMARY_TOPIC_OF,
            org.apache.jena.vocabulary.RDFS.seeAlso.asNode());

    private final IriSpace iris;

    public ResourcePage(IriSpace iris) {
        this.iris = iris;
    }

    /** The page of {@code resource}, served at {@code localPath}. */
    public String render(Graph description, Node resource, String localPath) {
        Labels labels = new Labels(description);
        NodeView nodes = new NodeView(iris, labels);
        ClaimView claims = new ClaimView(description, nodes);
        HtmlWriter w = new HtmlWriter();
        String en = labels.name(resource, "en");

        w.open("h1").text(en);
        labels.exactly(resource, "zh").filter(zh -> !zh.equals(en))
                .ifPresent(zh -> w.element("span", " " + zh, "lang", "zh", "class", "zh"));
        w.close("h1").newline();
        w.open("p", "class", "iri").element("code", resource.getURI()).close("p");
        writeTypes(w, description, resource, nodes);
        writeFormats(w, resource, localPath);

        boolean isClaim = description.contains(resource, Terms.TYPE, Terms.CLAIM);
        if (isClaim) {
            w.element("h2", "Claim");
            claims.writeBody(w, resource);
            writeDisagreements(w, description, nodes, claims);
        }
        writeProperties(w, description, resource, nodes);
        writeParts(w, description, resource, nodes, claims);
        writeLinksOut(w, description, resource);

        List<Node> about = claimsAbout(description, resource);
        about.sort(claims.readingOrder());
        if (!about.isEmpty()) {
            w.element("h2", "Claims about this (" + about.size() + ")", "id", "claims");
            about.forEach(c -> claims.writeCard(w, c));
        }
        if (!isClaim)
            writeDisagreements(w, description, nodes, claims);
        writeReferencedBy(w, description, resource, nodes, about);
        return PageLayout.page(en, w.toString());
    }

    private static void writeTypes(HtmlWriter w, Graph g, Node resource, NodeView nodes) {
        List<Node> types = objects(g, resource, Terms.TYPE);
        if (types.isEmpty())
            return;
        w.open("p", "class", "types").text("Type: ");
        types.forEach(t -> nodes.writeIri(w, t));
        w.close("p").newline();
    }

    private static void writeFormats(HtmlWriter w, Node resource, String localPath) {
        w.open("p", "class", "formats").text("This page as data: ");
        for (Representation r : Representation.values()) {
            if (r != Representation.HTML)
                w.link(localPath + "." + r.suffix(), r.name().replace("JSONLD", "JSON-LD").replace("RDFXML", "RDF/XML")
                        .replace("NTRIPLES", "N-Triples").replace("TURTLE", "Turtle"), "type", r.mediaType());
        }
        String query = "SELECT ?graph ?property ?value WHERE {\n  GRAPH ?graph { <" + resource.getURI()
                + "> ?property ?value }\n}";
        w.link("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "Query this in SPARQL");
        w.close("p").newline();
    }

    private static void writeProperties(HtmlWriter w, Graph g, Node resource, NodeView nodes) {
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        g.find(resource, Node.ANY, Node.ANY).toList().stream()
                .sorted(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getObject().toString()))
                .forEach(t -> byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject()));
        if (byProperty.isEmpty())
            return;
        w.element("h2", "Properties").open("table");
        byProperty.forEach((property, values) -> {
            w.open("tr").open("th");
            nodes.writeIri(w, property);
            w.close("th").open("td");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0)
                    w.raw("<br>");
                nodes.write(w, values.get(i));
            }
            w.close("td").close("tr").newline();
        });
        w.close("table");
    }

    /** Hash parts of the resource ({@code #target}, {@code #quote}, {@code #q1}, {@code #geometry}), each with its anchor. */
    private static void writeParts(HtmlWriter w, Graph g, Node resource, NodeView nodes, ClaimView claims) {
        String prefix = resource.getURI() + "#";
        Set<Node> parts = new LinkedHashSet<>();
        g.find().forEach(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(prefix))
                parts.add(t.getSubject());
        });
        if (parts.isEmpty())
            return;
        w.element("h2", "Parts");
        parts.stream().sorted(Comparator.comparing(Node::getURI)).forEach(part -> {
            String fragment = part.getURI().substring(prefix.length());
            w.open("h3", "id", fragment).element("code", "#" + fragment).close("h3");
            if (g.contains(part, Terms.TYPE, Terms.QUANTITY)) {
                w.open("p");
                claims.writeQuantity(w, part);
                w.close("p");
            }
            w.open("table");
            g.find(part, Node.ANY, Node.ANY).toList().stream()
                    .sorted(Comparator.comparing((Triple t) -> t.getPredicate().getURI())).forEach(t -> {
                        w.open("tr").open("th");
                        nodes.writeIri(w, t.getPredicate());
                        w.close("th").open("td");
                        nodes.write(w, t.getObject());
                        w.close("td").close("tr");
                    });
            w.close("table").newline();
        });
    }

    private static void writeLinksOut(HtmlWriter w, Graph g, Node resource) {
        List<Node> links = new ArrayList<>();
        LINKS_OUT.forEach(p -> links.addAll(objects(g, resource, p)));
        links.removeIf(n -> !n.isURI());
        if (links.isEmpty())
            return;
        w.element("h2", "Links out").open("ul");
        for (Node link : links) {
            String iri = link.getURI();
            w.open("li");
            Authority.of(iri).ifPresentOrElse(
                    a -> w.text(a.title() + ": ").link(iri, a.shortId(iri)),
                    () -> w.link(iri, iri));
            w.close("li");
        }
        w.close("ul").newline();
    }

    private static void writeDisagreements(HtmlWriter w, Graph g, NodeView nodes, ClaimView claims) {
        List<Node> disagreements = new ArrayList<>();
        g.find(Node.ANY, Terms.TYPE, Terms.DISAGREEMENT).forEach(t -> disagreements.add(t.getSubject()));
        if (disagreements.isEmpty())
            return;
        disagreements.sort(Comparator.comparing(Node::toString));
        w.element("h2", "Disagreements (" + disagreements.size() + ")", "id", "disagreements");
        Labels labels = nodes.labels();
        for (Node d : disagreements) {
            w.open("div", "class", "disagreement").open("h3");
            nodes.writeIri(w, d);
            w.close("h3");
            objects(g, d, Terms.DISAGREEMENT_KIND).forEach(k -> {
                w.open("p", "class", "meta").text("Kind: ");
                nodes.writeIri(w, k);
                w.close("p");
            });
            labels.literals(d, Terms.NOTE).forEach(n -> w.element("p", n.getLiteralLexicalForm(), "lang", n.getLiteralLanguage()));
            w.open("p").text("Claims involved: ");
            List<Node> involved = objects(g, d, Terms.INVOLVES_CLAIM);
            involved.sort(claims.readingOrder());
            for (int i = 0; i < involved.size(); i++) {
                if (i > 0)
                    w.text(" ⟷ ");
                nodes.writeIri(w, involved.get(i));
            }
            w.close("p").close("div").newline();
        }
    }

    private static void writeReferencedBy(HtmlWriter w, Graph g, Node resource, NodeView nodes, List<Node> claims) {
        List<Triple> incoming = new ArrayList<>();
        g.find(Node.ANY, Node.ANY, resource).forEach(t -> {
            Node owner = ResourceDescriber.owner(t.getSubject());
            if (!owner.equals(resource) && !claims.contains(owner) && !t.getPredicate().equals(Terms.INVOLVES_CLAIM)
                    && !t.getPredicate().equals(Terms.DISAGREES_WITH))
                incoming.add(t);
        });
        if (incoming.isEmpty())
            return;
        incoming.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getSubject().toString()));
        w.element("h2", "Referenced by").open("table");
        for (Triple t : incoming) {
            w.open("tr").open("th");
            nodes.writeIri(w, t.getPredicate());
            w.close("th").open("td");
            nodes.write(w, t.getSubject());
            w.close("td").close("tr");
        }
        w.close("table").newline();
    }

    /** Claims in the description other than the resource itself. */
    private static List<Node> claimsAbout(Graph g, Node resource) {
        List<Node> claims = new ArrayList<>();
        g.find(Node.ANY, Terms.TYPE, Terms.CLAIM).forEach(t -> {
            Node c = t.getSubject();
            if (!c.equals(resource) && !isOnlyNamed(g, c))
                claims.add(c);
        });
        return claims;
    }

    /** A claim present only with its label and type (named because something links to it), not described. */
    private static boolean isOnlyNamed(Graph g, Node claim) {
        return !g.contains(claim, Terms.STATEMENT, Node.ANY);
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEach(t -> out.add(t.getObject()));
        out.sort(Comparator.comparing(Node::toString));
        return out;
    }
}
