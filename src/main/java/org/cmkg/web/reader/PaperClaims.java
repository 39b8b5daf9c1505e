package org.cmkg.web.reader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OA;
import org.cmkg.sourcetext.QuoteAnchor;
import org.cmkg.sourcetext.SourceText;
import org.cmkg.linkeddata.ClaimView;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.Terms;

/**
 * The claims of one paper, in reading order, each anchored in the paper's text: by its
 * {@code oa:TextPositionSelector} when the position holds its quote, else by the quote itself (as
 * Hypothesis re-anchors when a text drifts). A claim whose quote cannot be placed is listed as
 * unanchored, not drawn at a wrong place.
 */
final class PaperClaims {
    private static final Node POSITION_SELECTOR = OA.TextPositionSelector.asNode();
    private static final Node START = OA.start.asNode();
    private static final Node END = OA.end.asNode();

    private final List<Node> inOrder;
    private final List<Highlighter.Quote> anchored = new ArrayList<>();
    private final List<Node> unanchored = new ArrayList<>();
    private final Map<Node, Node> documents = new HashMap<>();

    /**
     * @param description the document's description ({@code ResourceDescriber}): its claims with their parts
     * @param text        the paper's text, or null when there is none
     */
    PaperClaims(Graph description, Node document, SourceText text, ClaimView view) {
        List<Node> claims = new ArrayList<>();
        description.find(Node.ANY, Terms.WAS_DERIVED_FROM, document).forEach(t -> {
            if (description.contains(t.getSubject(), Terms.TYPE, Terms.CLAIM))
                claims.add(t.getSubject());
        });
        claims.sort(view.readingOrder());
        this.inOrder = List.copyOf(claims);
        for (int i = 0; i < claims.size(); i++) {
            Node claim = claims.get(i);
            Optional<int[]> at = text == null ? Optional.empty() : anchor(description, claim, text, view);
            if (at.isPresent())
                anchored.add(new Highlighter.Quote(claim.getURI(), IriSpace.claimAnchor(claim.getURI()), at.get()[0], at.get()[1], i));
            else
                unanchored.add(claim);
        }
    }

    /** Every claim of the paper, in reading order. */
    List<Node> inOrder() {
        return inOrder;
    }

    /** The quotes placed in the text. */
    List<Highlighter.Quote> anchored() {
        return anchored;
    }

    /** The claims whose quote is not in the text. */
    List<Node> unanchored() {
        return unanchored;
    }

    /**
     * The documents of claims in other papers that these claims disagree with (looked up in the
     * store: a description names such claims without describing them).
     */
    Map<Node, Node> documentsOf(DatasetGraph dataset, List<Node> others) {
        Txn.executeRead(dataset, () -> {
            Graph all = dataset.getUnionGraph();
            for (Node other : others)
                all.find(other, Terms.WAS_DERIVED_FROM, Node.ANY).forEach(t -> documents.putIfAbsent(other, t.getObject()));
        });
        return documents;
    }

    /** Where the claim's quote stands, as chars {@code [start, end)} of the normalised text. */
    private static Optional<int[]> anchor(Graph g, Node claim, SourceText text, ClaimView view) {
        List<String> quotes = view.quotes(claim);
        if (quotes.isEmpty())
            return Optional.empty();
        String exact = quotes.get(0);
        for (Node target : objects(g, claim, Terms.HAS_TARGET)) {
            for (Node selector : objects(g, target, Terms.HAS_SELECTOR)) {
                if (!g.contains(selector, Terms.TYPE, POSITION_SELECTOR))
                    continue;
                Optional<Integer> start = number(g, selector, START);
                Optional<Integer> end = number(g, selector, END);
                if (start.isPresent() && end.isPresent() && QuoteAnchor.fits(text, exact, start.get(), end.get()))
                    return Optional.of(new int[] {text.toCharIndex(start.get()), text.toCharIndex(end.get())});
            }
        }
        if (QuoteAnchor.find(text, exact) instanceof QuoteAnchor.Found found)
            return Optional.of(new int[] {text.toCharIndex(found.start()), text.toCharIndex(found.end())});
        return Optional.empty();
    }

    private static Optional<Integer> number(Graph g, Node s, Node p) {
        for (Node o : objects(g, s, p)) {
            try {
                return Optional.of(Integer.parseInt(o.getLiteralLexicalForm().strip()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEach(t -> out.add(t.getObject()));
        return out;
    }
}
