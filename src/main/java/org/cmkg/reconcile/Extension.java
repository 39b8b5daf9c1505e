package org.cmkg.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;
import org.cmkg.linkeddata.Authority;
import org.cmkg.linkeddata.Terms;
import org.cmkg.vocab.CMKG;

/**
 * Values of data-extension properties for one entity, read from the union graph (inside the
 * caller's read transaction), as reconciliation 0.2 value objects: {@code {"str"}},
 * {@code {"int"}}, {@code {"float"}} or entities {@code {"id","name"}}.
 */
final class Extension {
    private final Graph graph;
    private final NameIndex index;
    private final TypeCatalog types;
    private final String identifierSpace;

    Extension(Graph graph, NameIndex index, TypeCatalog types, String identifierSpace) {
        this.graph = graph;
        this.index = index;
        this.types = types;
        this.identifierSpace = identifierSpace;
    }

    JsonArray values(IndexedEntity e, String pid) {
        Node s = NodeFactory.createURI(e.iri());
        JsonArray out = new JsonArray();
        switch (pid) {
            case "label_en" -> literal(s, RDFS.label.asNode(), "en").forEach(v -> out.add(str(v)));
            case "label_zh" -> literal(s, RDFS.label.asNode(), "zh").forEach(v -> out.add(str(v)));
            case "altLabel" -> objects(s, SKOS.altLabel.asNode()).forEach(v -> out.add(str(v.getLiteralLexicalForm())));
            case "type" -> e.classes().forEach(c -> types.ofIri(c).ifPresent(t -> out.add(entity(t.id(), t.displayName()))));
            case "description" -> {
                if (e.description() != null)
                    out.add(str(e.description()));
            }
            case "wikidata" -> links(s, Authority.WIKIDATA).forEach(v -> out.add(str(v)));
            case "geonames" -> links(s, Authority.GEONAMES).forEach(v -> out.add(str(v)));
            case "wikipedia" -> objects(s, Terms.PRIMARY_TOPIC_OF).forEach(v -> out.add(str(v.isURI() ? v.getURI() : v.getLiteralLexicalForm())));
            case "isoCode" -> objects(s, Terms.ISO_CODE).forEach(v -> out.add(str(v.getLiteralLexicalForm())));
            case "elementSymbol" -> objects(s, Terms.ELEMENT_SYMBOL).forEach(v -> out.add(str(v.getLiteralLexicalForm())));
            case "atomicNumber" -> objects(s, Terms.ATOMIC_NUMBER).forEach(v -> out.add(integer(Long.parseLong(v.getLiteralLexicalForm()))));
            case "claimsCount" -> out.add(integer(claimsAbout(s).size()));
            case "reserves" -> reserves(s).forEach(q -> objects(q, Terms.NUMERIC_VALUE).forEach(v -> out.add(number(v))));
            case "reservesClaims" -> {
                Set<Node> claims = new LinkedHashSet<>();
                reserves(s).forEach(q -> claims.add(owner(q)));
                claims.forEach(c -> out.add(entityOf(c)));
            }
            case "partOf" -> objects(s, CMKG.partOf.asNode()).forEach(v -> out.add(entityOf(v)));
            case "broader" -> objects(s, SKOS.broader.asNode()).forEach(v -> out.add(entityOf(v)));
            case "affiliation" -> objects(s, SchemaDO.affiliation.asNode()).forEach(v -> out.add(entityOf(v)));
            case "statement_en" -> literal(s, Terms.STATEMENT, "en").forEach(v -> out.add(str(v)));
            case "statement_zh" -> literal(s, Terms.STATEMENT, "zh").forEach(v -> out.add(str(v)));
            case "quote" -> objects(s, Terms.HAS_TARGET).forEach(t -> objects(t, Terms.HAS_SELECTOR)
                    .forEach(sel -> objects(sel, Terms.EXACT).forEach(q -> out.add(str(q.getLiteralLexicalForm())))));
            case "document" -> objects(s, Terms.WAS_DERIVED_FROM).forEach(v -> out.add(entityOf(v)));
            case "section" -> objects(s, Terms.IN_SECTION).forEach(v -> out.add(entityOf(v)));
            case "about" -> objects(s, CMKG.about.asNode()).forEach(v -> out.add(entityOf(v)));
            case "claimKind" -> objects(s, Terms.CLAIM_KIND).forEach(v -> out.add(str(v.getLocalName())));
            case "publisher" -> objects(s, DCTerms.publisher.asNode()).forEach(v -> out.add(entityOf(v)));
            case "creator" -> objects(s, DCTerms.creator.asNode()).forEach(v -> out.add(entityOf(v)));
            default -> throw new IllegalArgumentException("unknown extension property " + pid);
        }
        return out;
    }

    /** Claims with any link to the node, directly or through one of their hash parts. */
    Set<Node> claimsAbout(Node s) {
        Set<Node> claims = new LinkedHashSet<>();
        graph.find(Node.ANY, Node.ANY, s).forEach(t -> {
            Node owner = owner(t.getSubject());
            if (!owner.equals(s) && graph.contains(owner, RDF.type.asNode(), Terms.CLAIM))
                claims.add(owner);
        });
        return claims;
    }

    /** Reserve quantities of claims about the node whose subject (entity or material) is the node. */
    private List<Node> reserves(Node s) {
        Node reserves = NodeFactory.createURI(identifierSpace + "measure/reserves");
        List<Node> out = new ArrayList<>();
        for (Node claim : claimsAbout(s))
            for (Node q : objects(claim, Terms.HAS_QUANTITY))
                if (graph.contains(q, Terms.MEASURE, reserves)
                        && (graph.contains(q, Terms.OF_ENTITY, s) || graph.contains(q, Terms.OF_MATERIAL, s)))
                    out.add(q);
        return out;
    }

    private JsonObject entityOf(Node n) {
        if (!n.isURI())
            return str(n.toString());
        String iri = n.getURI();
        if (iri.startsWith(identifierSpace)) {
            String id = iri.substring(identifierSpace.length());
            String name = index.byId(id).map(e -> e.label("en")).orElse(id);
            return entity(id, name);
        }
        return entity(iri, iri);
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        graph.find(s, p, Node.ANY).forEach(t -> out.add(t.getObject()));
        out.sort(java.util.Comparator.comparing(Node::toString));
        return out;
    }

    private List<String> literal(Node s, Node p, String lang) {
        return objects(s, p).stream().filter(n -> n.isLiteral() && lang.equalsIgnoreCase(n.getLiteralLanguage()))
                .map(Node::getLiteralLexicalForm).toList();
    }

    private List<String> links(Node s, Authority authority) {
        List<String> out = new ArrayList<>();
        for (Node p : List.of(OWL.sameAs.asNode(), SKOS.exactMatch.asNode()))
            objects(s, p).forEach(o -> {
                if (o.isURI() && authority.owns(o.getURI()))
                    out.add(authority.shortId(o.getURI()));
            });
        return out;
    }

    private static Node owner(Node n) {
        if (!n.isURI() || n.getURI().indexOf('#') < 0)
            return n;
        return NodeFactory.createURI(n.getURI().substring(0, n.getURI().indexOf('#')));
    }

    static JsonObject str(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("str", s);
        return o;
    }

    private static JsonObject integer(long n) {
        JsonObject o = new JsonObject();
        o.addProperty("int", n);
        return o;
    }

    private static JsonObject number(Node literal) {
        JsonObject o = new JsonObject();
        o.addProperty("float", new java.math.BigDecimal(literal.getLiteralLexicalForm().trim()));
        return o;
    }

    static JsonObject entity(String id, String name) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("name", name);
        return o;
    }
}
