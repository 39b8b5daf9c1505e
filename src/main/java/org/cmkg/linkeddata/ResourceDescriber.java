package org.cmkg.linkeddata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * The bounded description of one of our resources, from every graph (the union):
 * <ol>
 * <li>its own triples, and those of its hash parts ({@code {iri}#target}, {@code #quote},
 * {@code #q1}, {@code #geometry}: everything reachable through objects whose IRI is
 * {@code {iri}#…});</li>
 * <li>the claims about it: claims with any link to it ({@code cmkg:about}, {@code cmkg:aboutEvent},
 * {@code cmkg:citedSource}, {@code prov:wasDerivedFrom}, {@code cmkg:inSection}…) and claims
 * whose quantities link to it ({@code cmkg:ofEntity}, {@code cmkg:ofMaterial}, {@code cmkg:measure}…),
 * each with its parts (quote, quantities) — a link from a hash part counts for the claim it
 * belongs to;</li>
 * <li>other incoming links, as triples;</li>
 * <li>the disagreements involving it or those claims, and the {@code cmkg:disagreesWith} links;</li>
 * <li>the labels and types of everything the above mentions (and the labels of those types), with
 * units' symbols and sections' numbers, so a reader or a page can name every link without another
 * request ({@link Labels} reads them).</li>
 * </ol>
 * It is the one description of a resource: the linked-data pages and formats show it, and
 * {@code /api/entity} renders it as JSON. Incoming links and claims are capped
 * ({@link #MAX_INCOMING}, {@link #MAX_CLAIMS}) so a popular concept cannot make a description unbounded.
 */
public final class ResourceDescriber {
    /** At most this many incoming triples are considered. */
    public static final int MAX_INCOMING = 5_000;
    /** At most this many claims are included with their parts (the one limit of pages and JSON). */
    public static final int MAX_CLAIMS = 200;

    private static final List<Node> NAMING = List.of(Terms.LABEL, Terms.PREF_LABEL, Terms.TITLE, Terms.SYMBOL, Terms.SECTION_NUMBER);

    /**
     * A description.
     *
     * @param resource   the resource described
     * @param graph      the description (see the class comment)
     * @param own        the resource's own statements with the graphs that hold them
     * @param claimLinks every claim that links to the resource (also those beyond {@link #MAX_CLAIMS},
     *                   which {@code graph} leaves out), with the properties of those links (from the
     *                   claim itself or its parts, e.g. {@code cmkg:about}, {@code cmkg:ofEntity})
     */
    public record Description(Node resource, Graph graph, List<Quad> own, Map<Node, Set<Node>> claimLinks) {}

    private final DatasetGraph dataset;

    public ResourceDescriber(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The description of an IRI, or empty when no graph mentions it. */
    public Optional<Description> describe(String iri) {
        Node resource = NodeFactory.createURI(iri);
        return Txn.calculateRead(dataset, () -> {
            Graph all = dataset.getUnionGraph();
            if (!all.contains(resource, Node.ANY, Node.ANY) && !all.contains(Node.ANY, Node.ANY, resource))
                return Optional.empty();
            List<Quad> own = new ArrayList<>();
            dataset.find(Node.ANY, resource, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.isDefaultGraph())
                    own.add(q);
            });
            Map<Node, Set<Node>> claimLinks = new LinkedHashMap<>();
            Graph graph = describe(all, resource, claimLinks);
            return Optional.of(new Description(resource, graph, own, claimLinks));
        });
    }

    /** Whether any graph mentions the IRI (as subject or object). */
    public boolean exists(String iri) {
        Node resource = NodeFactory.createURI(iri);
        return Txn.calculateRead(dataset, () -> {
            Graph all = dataset.getUnionGraph();
            return all.contains(resource, Node.ANY, Node.ANY) || all.contains(Node.ANY, Node.ANY, resource);
        });
    }

    private static Graph describe(Graph all, Node resource, Map<Node, Set<Node>> claimLinks) {
        Graph out = GraphFactory.createDefaultGraph();
        addWithParts(all, resource, out);

        Set<Node> claims = new LinkedHashSet<>();
        if (isClaim(all, resource))
            claims.add(resource);
        ExtendedIterator<Triple> incoming = all.find(Node.ANY, Node.ANY, resource);
        try {
            for (int n = 0; incoming.hasNext() && n < MAX_INCOMING; n++) {
                Triple t = incoming.next();
                Node owner = owner(t.getSubject());
                if (owner.equals(resource))
                    continue;
                boolean claim = isClaim(all, owner);
                if (claim)
                    claimLinks.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(t.getPredicate());
                if (claim && (claims.contains(owner) || claims.size() < MAX_CLAIMS))
                    claims.add(owner);
                else
                    out.add(t);
            }
        } finally {
            incoming.close();
        }
        claims.forEach(c -> addWithParts(all, c, out));

        for (Node claim : claims) {
            all.find(Node.ANY, Terms.INVOLVES_CLAIM, claim).forEach(t -> addWithParts(all, t.getSubject(), out));
            all.find(claim, Terms.DISAGREES_WITH, Node.ANY).forEach(out::add);
            all.find(Node.ANY, Terms.DISAGREES_WITH, claim).forEach(out::add);
        }
        addNames(all, out);
        return out;
    }

    /** Adds a node's triples and, recursively, those of its hash parts. */
    private static void addWithParts(Graph all, Node node, Graph out) {
        List<Node> todo = new ArrayList<>(List.of(node));
        Set<Node> seen = new LinkedHashSet<>();
        String prefix = node.getURI() + "#";
        while (!todo.isEmpty()) {
            Node next = todo.remove(todo.size() - 1);
            if (!seen.add(next))
                continue;
            all.find(next, Node.ANY, Node.ANY).forEach(t -> {
                out.add(t);
                Node o = t.getObject();
                if (o.isURI() && o.getURI().startsWith(prefix))
                    todo.add(o);
            });
        }
    }

    /** Labels and types of every node mentioned, then labels of those types. */
    private static void addNames(Graph all, Graph out) {
        Set<Node> mentioned = mentionedIris(out);
        List<Triple> added = new ArrayList<>();
        for (Node n : mentioned) {
            NAMING.forEach(p -> all.find(n, p, Node.ANY).forEach(added::add));
            all.find(n, Terms.TYPE, Node.ANY).forEach(added::add);
        }
        added.forEach(out::add);
        Set<Node> types = new LinkedHashSet<>();
        added.stream().filter(t -> t.getPredicate().equals(Terms.TYPE)).forEach(t -> types.add(t.getObject()));
        types.removeAll(mentioned);
        for (Node type : types)
            NAMING.forEach(p -> all.find(type, p, Node.ANY).forEach(out::add));
    }

    private static Set<Node> mentionedIris(Graph g) {
        Set<Node> nodes = new LinkedHashSet<>();
        g.find().forEach(t -> {
            nodes.add(t.getPredicate());
            if (t.getSubject().isURI())
                nodes.add(t.getSubject());
            if (t.getObject().isURI())
                nodes.add(t.getObject());
        });
        return nodes;
    }

    private static boolean isClaim(Graph all, Node node) {
        return all.contains(node, Terms.TYPE, Terms.CLAIM);
    }

    /** The resource a hash part belongs to ({@code …/c012#q1} → {@code …/c012}); other nodes are their own. */
    static Node owner(Node node) {
        if (!node.isURI())
            return node;
        String iri = node.getURI();
        int hash = iri.indexOf('#');
        return hash < 0 ? node : NodeFactory.createURI(iri.substring(0, hash));
    }
}
