package org.cmkg.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cmkg.entity.EntityView.ClaimView;
import org.cmkg.entity.EntityView.Link;
import org.cmkg.entity.EntityView.PropertyValues;
import org.cmkg.entity.EntityView.QuantityView;
import org.cmkg.entity.EntityView.Ref;
import org.cmkg.entity.EntityView.SectionRef;
import org.cmkg.entity.EntityView.Unit;
import org.cmkg.error.BadRequestException;
import org.cmkg.error.NotFoundException;
import org.cmkg.sparql.NamedQueries;
import org.cmkg.vocab.CMKG;
import org.cmkg.vocab.Curies;
import org.cmkg.vocab.Oa;

/**
 * Describes one resource as JSON ({@link EntityView}): its labels, types, statements and links,
 * and the claims about it with their quotes, numbers and sources. A fixed handful of queries
 * per request ({@code entity-*.rq}, {@code subject-triples.rq}, {@code labels.rq}), each for
 * all the claims at once.
 */
public final class EntityService {
    /** Most claims listed per entity ({@code claimCount} gives the full number). */
    public static final int MAX_CLAIMS = 200;

    private static final Query ENTITY_TRIPLES = NamedQueries.load(EntityService.class, "entity-triples.rq");
    private static final Query ENTITY_CLAIMS = NamedQueries.load(EntityService.class, "entity-claims.rq");
    private static final Query SUBJECT_TRIPLES = NamedQueries.load(EntityService.class, "subject-triples.rq");
    private static final Query LABELS = NamedQueries.load(EntityService.class, "labels.rq");

    private static final String PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom";
    private static final String QUDT = "http://qudt.org/schema/qudt/";
    private static final String SCHEMA = "https://schema.org/";
    private static final Set<String> LINK_PROPERTIES = Set.of(OWL.sameAs.getURI(), SKOS.exactMatch.getURI(),
            SKOS.closeMatch.getURI(), SKOS.relatedMatch.getURI(), RDFS.seeAlso.getURI(),
            "http://xmlns.com/foaf/0.1/isPrimaryTopicOf", "http://xmlns.com/foaf/0.1/page", SCHEMA + "sameAs");
    private static final Set<String> SHOWN_APART = Set.of(RDF.type.getURI(), RDFS.label.getURI(), SKOS.altLabel.getURI());

    private final DatasetGraph dataset;
    private final String baseIri;
    private final Curies curies;

    public EntityService(DatasetGraph dataset, String baseIri) {
        this.dataset = dataset;
        this.baseIri = baseIri;
        this.curies = new Curies(baseIri);
    }

    /** One statement about the resource: property, value, graph. */
    private record Statement(Node p, Node o, String graph) {}

    /** Describes the resource; 400 for text that is not an IRI, 404 for an IRI the data does not describe. */
    public EntityView describe(String iriText) {
        String iri = curies.expand(iriText);
        if (iri == null)
            throw new BadRequestException("iri must be an absolute IRI or a prefixed name such as id:country/ukraine, not '"
                    + iriText + "'.");
        Node subject = NodeFactory.createURI(iri);
        List<Statement> own = new ArrayList<>();
        NamedQueries.select(dataset, ENTITY_TRIPLES, Map.of("s", subject),
                row -> own.add(new Statement(get(row, "p"), get(row, "o"), get(row, "g").getURI())));
        if (own.isEmpty())
            throw new NotFoundException("The knowledge graph has nothing about <" + iri + ">.");

        List<Node> claims = new ArrayList<>();
        NamedQueries.select(dataset, ENTITY_CLAIMS, Map.of("s", subject), row -> claims.add(get(row, "claim")));
        boolean isClaim = own.stream().anyMatch(st -> st.p.equals(RDF.type.asNode()) && st.o.equals(CMKG.Claim.asNode()));
        Set<Node> described = new LinkedHashSet<>(claims.subList(0, Math.min(claims.size(), MAX_CLAIMS)));
        if (isClaim)
            described.add(subject);

        Map<Node, List<Statement>> triples = claimTriples(described);
        Labels labels = labels(own, triples);
        List<ClaimView> claimViews = new ArrayList<>();
        for (Node c : described)
            if (!c.equals(subject) || claims.contains(subject))
                claimViews.add(claimView(c, triples, labels));
        claimViews.sort(Comparator.comparing((ClaimView c) -> c.document() == null ? "" : c.document().iri())
                .thenComparing(c -> order(triples, c.iri())).thenComparing(ClaimView::iri));
        return view(iri, own, labels, isClaim ? claimView(subject, triples, labels) : null, claimViews, claims.size());
    }

    /** The triples of the claims and of their parts: targets, quote selectors, quantities. */
    private Map<Node, List<Statement>> claimTriples(Set<Node> claims) {
        Map<Node, List<Statement>> triples = new HashMap<>();
        Collection<Node> level = claims;
        for (int depth = 0; depth < 3 && !level.isEmpty(); depth++) {
            Map<Node, List<Statement>> found = subjectTriples(level);
            triples.putAll(found);
            Set<Node> next = new LinkedHashSet<>();
            found.values().forEach(list -> list.forEach(st -> {
                if (st.o.isURI() && (st.p.equals(Oa.hasTarget.asNode()) || st.p.equals(Oa.hasSelector.asNode())
                        || st.p.equals(CMKG.hasQuantity.asNode())) && !triples.containsKey(st.o))
                    next.add(st.o);
            }));
            level = next;
        }
        return triples;
    }

    private Map<Node, List<Statement>> subjectTriples(Collection<Node> subjects) {
        Map<Node, List<Statement>> bySubject = new HashMap<>();
        NamedQueries.select(dataset, NamedQueries.withValues(SUBJECT_TRIPLES, "s", subjects), Map.of(), row ->
                bySubject.computeIfAbsent(get(row, "s"), k -> new ArrayList<>())
                        .add(new Statement(get(row, "p"), get(row, "o"), null)));
        return bySubject;
    }

    private Labels labels(List<Statement> own, Map<Node, List<Statement>> triples) {
        Set<Node> iris = new HashSet<>();
        own.forEach(st -> {
            iris.add(st.p);
            if (st.o.isURI())
                iris.add(st.o);
        });
        triples.forEach((s, list) -> {
            iris.add(s);
            list.forEach(st -> {
                if (st.o.isURI())
                    iris.add(st.o);
            });
        });
        Labels labels = new Labels();
        if (iris.isEmpty())
            return labels;
        NamedQueries.select(dataset, NamedQueries.withValues(LABELS, "x", iris), Map.of(), row -> {
            String x = get(row, "x").getURI();
            Node label = get(row, "label");
            Node symbol = get(row, "symbol");
            Node number = get(row, "number");
            if (label != null && label.isLiteral())
                labels.addLabel(x, label);
            if (symbol != null && symbol.isLiteral())
                labels.addSymbol(x, symbol.getLiteralLexicalForm());
            if (number != null && number.isLiteral())
                labels.addNumber(x, number.getLiteralLexicalForm());
        });
        return labels;
    }

    private EntityView view(String iri, List<Statement> own, Labels labels, ClaimView claim, List<ClaimView> claims,
                            int claimCount) {
        Map<String, List<String>> names = new TreeMap<>();
        Map<String, List<String>> altNames = new TreeMap<>();
        List<Ref> types = new ArrayList<>();
        Set<String> graphs = new LinkedHashSet<>();
        Map<String, List<Map<String, Object>>> properties = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        own.sort(Comparator.comparing((Statement st) -> st.p.getURI()).thenComparing(st -> st.o.toString()));
        for (Statement st : own) {
            graphs.add(st.graph);
            String p = st.p.getURI();
            if (p.equals(RDF.type.getURI()) && st.o.isURI()) {
                if (types.stream().noneMatch(t -> t.iri().equals(st.o.getURI())))
                    types.add(ref(st.o, labels));
            } else if (p.equals(RDFS.label.getURI()) && st.o.isLiteral()) {
                addName(names, st.o);
            } else if (p.equals(SKOS.altLabel.getURI()) && st.o.isLiteral()) {
                addName(altNames, st.o);
            } else if (LINK_PROPERTIES.contains(p) && st.o.isURI() && !st.o.getURI().startsWith(baseIri)) {
                links.add(new Link(p, st.o.getURI()));
            } else if (!SHOWN_APART.contains(p)) {
                properties.computeIfAbsent(p, k -> new ArrayList<>()).add(value(st.o, st.graph, labels));
            }
        }
        List<PropertyValues> grouped = new ArrayList<>();
        properties.forEach((p, values) -> grouped.add(new PropertyValues(new Ref(p, labels.of(p)), values)));
        return new EntityView(iri, names, altNames, types, List.copyOf(graphs), grouped, links, claim, claims, claimCount);
    }

    private static void addName(Map<String, List<String>> names, Node literal) {
        String lang = literal.getLiteralLanguage().isEmpty() ? "und" : literal.getLiteralLanguage().toLowerCase();
        List<String> list = names.computeIfAbsent(lang, k -> new ArrayList<>());
        if (!list.contains(literal.getLiteralLexicalForm()))
            list.add(literal.getLiteralLexicalForm());
    }

    private ClaimView claimView(Node claim, Map<Node, List<Statement>> triples, Labels labels) {
        List<Statement> st = triples.getOrDefault(claim, List.of());
        String quote = null;
        for (Node target : objects(st, Oa.hasTarget.getURI()))
            for (Node selector : objects(triples.getOrDefault(target, List.of()), Oa.hasSelector.getURI()))
                for (Node exact : objects(triples.getOrDefault(selector, List.of()), Oa.exact.getURI()))
                    if (quote == null && exact.isLiteral())
                        quote = exact.getLiteralLexicalForm();
        Map<String, String> dates = new LinkedHashMap<>();
        for (var p : List.of(CMKG.eventDate, CMKG.periodStart, CMKG.periodEnd))
            objects(st, p.getURI()).stream().filter(Node::isLiteral).findFirst()
                    .ifPresent(d -> dates.put(p.getLocalName(), d.getLiteralLexicalForm()));
        Node section = first(st, CMKG.inSection.getURI());
        List<QuantityView> quantities = objects(st, CMKG.hasQuantity.getURI()).stream()
                .map(q -> quantity(q, triples.getOrDefault(q, List.of()), labels))
                .sorted(Comparator.comparing(QuantityView::iri)).toList();
        return new ClaimView(claim.getURI(), byLang(st, RDFS.label.getURI()), byLang(st, CMKG.statement.getURI()),
                ref(first(st, CMKG.claimKind.getURI()), labels), quote, ref(first(st, PROV_DERIVED), labels),
                section == null ? null : new SectionRef(section.getURI(), labels.of(section.getURI()), labels.number(section.getURI())),
                refs(st, CMKG.about.getURI(), labels), refs(st, CMKG.citedSource.getURI(), labels), dates, quantities,
                refs(st, CMKG.disagreesWith.getURI(), labels));
    }

    private QuantityView quantity(Node q, List<Statement> st, Labels labels) {
        Node unit = first(st, QUDT + "unit");
        return new QuantityView(q.getURI(), ref(first(st, CMKG.measure.getURI()), labels),
                decimal(first(st, QUDT + "numericValue")), decimal(first(st, SCHEMA + "minValue")),
                decimal(first(st, SCHEMA + "maxValue")),
                unit == null || !unit.isURI() ? null : new Unit(unit.getURI(), labels.of(unit.getURI()), labels.symbol(unit.getURI())),
                ref(first(st, CMKG.qualifier.getURI()), labels), lexical(first(st, CMKG.sourceExpression.getURI())),
                lexical(first(st, CMKG.referenceYear.getURI())), ref(first(st, CMKG.ofEntity.getURI()), labels),
                ref(first(st, CMKG.ofMaterial.getURI()), labels), ref(first(st, CMKG.place.getURI()), labels),
                ref(first(st, CMKG.shareOf.getURI()), labels));
    }

    private static Map<String, Object> value(Node o, String graph, Labels labels) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (o.isURI()) {
            v.put("iri", o.getURI());
            v.put("label", labels.of(o.getURI()));
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

    private static int order(Map<Node, List<Statement>> triples, String claim) {
        Node o = first(triples.getOrDefault(NodeFactory.createURI(claim), List.of()), CMKG.order.getURI());
        return o != null && o.isLiteral() && o.getLiteralValue() instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
    }

    private static Ref ref(Node n, Labels labels) {
        return n == null || !n.isURI() ? null : new Ref(n.getURI(), labels.of(n.getURI()));
    }

    private static List<Ref> refs(List<Statement> st, String p, Labels labels) {
        return objects(st, p).stream().filter(Node::isURI).map(n -> ref(n, labels))
                .sorted(Comparator.comparing(Ref::iri)).toList();
    }

    private static Map<String, String> byLang(List<Statement> st, String p) {
        Map<String, String> m = new TreeMap<>();
        for (Node o : objects(st, p))
            if (o.isLiteral())
                m.putIfAbsent(o.getLiteralLanguage().isEmpty() ? "und" : o.getLiteralLanguage(), o.getLiteralLexicalForm());
        return m;
    }

    private static List<Node> objects(List<Statement> st, String p) {
        return st.stream().filter(s -> s.p.getURI().equals(p)).map(s -> s.o).toList();
    }

    private static Node first(List<Statement> st, String p) {
        return st.stream().filter(s -> s.p.getURI().equals(p)).map(s -> s.o).min(Comparator.comparing(Node::toString)).orElse(null);
    }

    private static BigDecimal decimal(Node n) {
        if (n == null || !n.isLiteral() || !(n.getLiteralValue() instanceof Number num))
            return null;
        return new BigDecimal(num.toString());
    }

    private static String lexical(Node n) {
        return n == null || !n.isLiteral() ? null : n.getLiteralLexicalForm();
    }

    private static Node get(Binding row, String var) {
        return row.get(Var.alloc(var));
    }
}
