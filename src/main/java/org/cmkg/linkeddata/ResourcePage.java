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
import org.cmkg.web.assets.Assets;
import org.cmkg.web.i18n.Ui;

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
    private final String mapTiles;

    /** @param mapTiles the tile URL template of the maps of places, empty for none */
    public ResourcePage(IriSpace iris, String mapTiles) {
        this.iris = iris;
        this.mapTiles = mapTiles;
    }

    /** The page of {@code resource}, served at {@code localPath}, for a reader of {@code ui}. */
    public String render(Graph description, Node resource, String localPath, Ui ui) {
        Labels labels = new Labels(description, iris);
        NodeView nodes = new NodeView(iris, labels, ui);
        ClaimView claims = new ClaimView(description, nodes, ui);
        HtmlWriter w = new HtmlWriter();
        String name = nodes.name(resource);
        boolean isClaim = description.contains(resource, Terms.TYPE, Terms.CLAIM);

        w.open("div", "class", "resource-head").open("div");
        writeTypes(w, description, resource, nodes, ui);
        w.open("h1").text(name);
        nodes.writeOtherName(w, resource);
        w.close("h1").newline();
        w.open("p", "class", "iri").element("code", resource.getURI()).close("p");
        w.close("div");
        if (isClaim)
            claims.readerLink(resource).ifPresent(href -> w.link(href, ui.t("claim.readInPaper"), "class", "button primary to-reader"));
        iris.readerPath(resource.getURI()).ifPresent(href -> w.link(href, ui.t("paper.read"), "class", "button primary to-reader"));
        w.close("div").newline();
        writeFormats(w, resource, localPath, ui);
        List<Geometry> geometries = geometries(description, resource);
        if (!geometries.isEmpty())
            writeMap(w, geometries, name, ui);

        if (isClaim) {
            w.element("h2", ui.t("resource.claim"));
            claims.writeBody(w, resource);
            writeDisagreements(w, description, nodes, claims, ui);
        }
        writeProperties(w, description, resource, nodes, ui);
        writeParts(w, description, resource, nodes, claims, ui);
        writeLinksOut(w, description, resource, ui);

        List<Node> about = claimsAbout(description, resource);
        about.sort(claims.readingOrder());
        if (!about.isEmpty()) {
            w.element("h2", ui.t("resource.claimsAbout", about.size()), "id", "claims");
            writeByPaper(w, about, claims, nodes, ui);
        }
        if (!isClaim)
            writeDisagreements(w, description, nodes, claims, ui);
        writeReferencedBy(w, description, resource, nodes, about, ui);
        PageLayout.Page page = PageLayout.Page.of(name, w.toString(), PageLayout.Section.NONE);
        if (!geometries.isEmpty())
            page = page.withLibraries(List.of(Assets.LEAFLET_CSS), List.of(Assets.LEAFLET_JS)).withModules(Assets.cmkg("map.js"));
        return PageLayout.page(ui, page);
    }

    /** Claims in reading order, one group per paper, each with a link to the paper's reader. */
    private static void writeByPaper(HtmlWriter w, List<Node> claimsInOrder, ClaimView claims, NodeView nodes, Ui ui) {
        Map<Node, List<Node>> byPaper = new LinkedHashMap<>();
        Node none = org.apache.jena.graph.NodeFactory.createBlankNode("no-document");
        for (Node c : claimsInOrder)
            byPaper.computeIfAbsent(claims.document(c).orElse(none), k -> new ArrayList<>()).add(c);
        int index = 0;
        for (Map.Entry<Node, List<Node>> group : byPaper.entrySet()) {
            Node paper = group.getKey();
            w.open("section", "class", "paper-group " + (index++ % 2 == 0 ? "doc-a" : "doc-b")).open("h3");
            if (paper.isURI()) {
                nodes.writeLinkOnly(w, paper);
                w.text(" ").element("span", ui.t("resource.claimCount", group.getValue().size()), "class", "meta");
                nodes.iris().readerPath(paper.getURI()).ifPresent(href -> w.text(" · ").link(href, ui.t("paper.read"), "class", "meta"));
            } else {
                w.text(ui.t("resource.noDocument"));
            }
            w.close("h3");
            group.getValue().forEach(c -> claims.writeCard(w, c));
            w.close("section").newline();
        }
    }

    /** A point or shape of the resource, from {@code geo:hasGeometry/geo:asWKT}. */
    private record Geometry(String wkt) {}

    private static List<Geometry> geometries(Graph g, Node resource) {
        List<Geometry> out = new ArrayList<>();
        for (Node geometry : objects(g, resource, Terms.HAS_GEOMETRY))
            for (Node wkt : objects(g, geometry, Terms.AS_WKT))
                if (wkt.isLiteral())
                    out.add(new Geometry(wkt.getLiteralLexicalForm()));
        return out;
    }

    /**
     * A map of the place (drawn by the map module with Leaflet); its position in words beside it,
     * so the page says where the place is without scripts too.
     */
    private void writeMap(HtmlWriter w, List<Geometry> geometries, String name, Ui ui) {
        w.open("div", "id", "map", "class", "map", "role", "img", "aria-label", ui.t("map.label", name),
                "data-wkt", geometries.stream().map(Geometry::wkt).collect(java.util.stream.Collectors.joining("\n")),
                "data-name", name, "data-tiles", mapTiles, "data-attribution", mapTiles.isEmpty() ? null : ui.t("map.attribution"))
                .close("div");
        w.open("p", "class", "map-note");
        for (Geometry g : geometries) {
            String where = inDegrees(g.wkt());
            if (where != null)
                w.text(where + " · ");
            w.element("code", g.wkt()).text(" ");
        }
        w.close("p").newline();
    }

    private static final java.util.regex.Pattern POINT = java.util.regex.Pattern.compile(
            "(?i)\\s*POINT\\s*\\(\\s*(-?[\\d.]+)\\s+(-?[\\d.]+)\\s*\\)\\s*");

    /** A WKT point (longitude first) as latitude and longitude in degrees: {@code 49.0° N, 32.0° E}; null for other shapes. */
    static String inDegrees(String wkt) {
        var m = POINT.matcher(wkt);
        if (!m.matches())
            return null;
        String lon = m.group(1);
        String lat = m.group(2);
        return (lat.startsWith("-") ? lat.substring(1) + "° S" : lat + "° N") + ", "
                + (lon.startsWith("-") ? lon.substring(1) + "° W" : lon + "° E");
    }

    private static void writeTypes(HtmlWriter w, Graph g, Node resource, NodeView nodes, Ui ui) {
        List<Node> types = objects(g, resource, Terms.TYPE);
        if (types.isEmpty())
            return;
        w.open("p", "class", "types meta").text(ui.t("resource.type") + " ");
        types.forEach(t -> {
            w.open("span", "class", "badge type");
            nodes.writeLinkOnly(w, t);
            w.close("span").text(" ");
        });
        w.close("p").newline();
    }

    private static void writeFormats(HtmlWriter w, Node resource, String localPath, Ui ui) {
        w.open("p", "class", "formats").text(ui.t("resource.asData") + " ");
        for (Representation r : Representation.values()) {
            if (r != Representation.HTML)
                w.link(localPath + "." + r.suffix(), r.name().replace("JSONLD", "JSON-LD").replace("RDFXML", "RDF/XML")
                        .replace("NTRIPLES", "N-Triples").replace("TURTLE", "Turtle"), "type", r.mediaType());
        }
        String query = "SELECT ?graph ?property ?value WHERE {\n  GRAPH ?graph { <" + resource.getURI()
                + "> ?property ?value }\n}";
        w.link("/query#query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"), ui.t("resource.querySparql"));
        w.close("p").newline();
    }

    private static void writeProperties(HtmlWriter w, Graph g, Node resource, NodeView nodes, Ui ui) {
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        g.find(resource, Node.ANY, Node.ANY).toList().stream()
                .sorted(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getObject().toString()))
                .forEach(t -> byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject()));
        if (byProperty.isEmpty())
            return;
        w.element("h2", ui.t("resource.properties")).open("table", "class", "props");
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
    private static void writeParts(HtmlWriter w, Graph g, Node resource, NodeView nodes, ClaimView claims, Ui ui) {
        String prefix = resource.getURI() + "#";
        Set<Node> parts = new LinkedHashSet<>();
        g.find().forEach(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(prefix))
                parts.add(t.getSubject());
        });
        if (parts.isEmpty())
            return;
        w.element("h2", ui.t("resource.parts"));
        parts.stream().sorted(Comparator.comparing(Node::getURI)).forEach(part -> {
            String fragment = part.getURI().substring(prefix.length());
            w.open("h3", "id", fragment);
            if (nodes.labels().partClass(part).isPresent()) {
                w.text(nodes.name(part));
                nodes.writeOtherName(w, part);
                nodes.writeFragmentOfPart(w, part);
            } else {
                w.element("code", "#" + fragment);
            }
            w.close("h3");
            if (g.contains(part, Terms.TYPE, Terms.QUANTITY)) {
                w.open("p");
                claims.writeQuantity(w, part);
                w.close("p");
            }
            w.open("table", "class", "props");
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

    private static void writeLinksOut(HtmlWriter w, Graph g, Node resource, Ui ui) {
        List<Node> links = new ArrayList<>();
        LINKS_OUT.forEach(p -> links.addAll(objects(g, resource, p)));
        links.removeIf(n -> !n.isURI());
        if (links.isEmpty())
            return;
        w.element("h2", ui.t("resource.linksOut")).open("ul");
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

    private static void writeDisagreements(HtmlWriter w, Graph g, NodeView nodes, ClaimView claims, Ui ui) {
        List<Node> disagreements = new ArrayList<>();
        g.find(Node.ANY, Terms.TYPE, Terms.DISAGREEMENT).forEach(t -> disagreements.add(t.getSubject()));
        if (disagreements.isEmpty())
            return;
        disagreements.sort(Comparator.comparing(Node::toString));
        w.element("h2", ui.t("resource.disagreements", disagreements.size()), "id", "disagreements");
        Labels labels = nodes.labels();
        for (Node d : disagreements) {
            w.open("div", "class", "disagreement").open("h3");
            nodes.writeIri(w, d);
            w.close("h3");
            objects(g, d, Terms.DISAGREEMENT_KIND).forEach(k -> {
                w.open("p", "class", "meta").text(ui.t("disagreement.kind") + " ");
                nodes.writeIri(w, k);
                w.close("p");
            });
            notes(labels, d, nodes.lang()).forEach(n -> w.element("p", n.getLiteralLexicalForm(), "lang", n.getLiteralLanguage()));
            w.open("p").text(ui.t("disagreement.claims") + " ");
            List<Node> involved = objects(g, d, Terms.INVOLVES_CLAIM);
            involved.sort(claims.readingOrder());
            for (int i = 0; i < involved.size(); i++) {
                if (i > 0)
                    w.text(" ⟷ ");
                nodes.writeIri(w, involved.get(i));
            }
            w.close("p").open("p", "class", "meta").link("/disagreements#" + Labels.localName(d), ui.t("disagreement.sideBySide"))
                    .close("p").close("div").newline();
        }
    }

    /** The notes of a disagreement, the page's language first. */
    private static List<Node> notes(Labels labels, Node d, String lang) {
        List<Node> notes = new ArrayList<>(labels.literals(d, Terms.NOTE));
        notes.sort(Comparator.comparing((Node n) -> !lang.equals(n.getLiteralLanguage())));
        return notes;
    }

    private static void writeReferencedBy(HtmlWriter w, Graph g, Node resource, NodeView nodes, List<Node> claims, Ui ui) {
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
        w.element("h2", ui.t("resource.referencedBy")).open("table", "class", "props");
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
