package org.cmkg.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.sparql.core.Quad;

/**
 * Shape checking beside the write, for a first load into an empty store. The write transaction
 * can only be read by the thread that writes, so checking the store's view of a load has to wait
 * until every quad is written and indexed, on that thread. But when the store was empty, the
 * store after the load holds exactly the batch: checking an in-memory copy of the batch gives the
 * same findings, and can run on the parser's thread as soon as parsing ends, while the loading
 * thread is still writing and building indexes. The copy is bounded ({@code maxQuads}); a bigger
 * batch falls back to checking inside the transaction.
 */
public final class MirrorValidation {
    private final FocusValidator validator;
    private final long maxQuads;
    private Graph mirror = GraphMemFactory.createDefaultGraphSameTerm();
    private long quads;
    private volatile long millis;
    private final CompletableFuture<Optional<List<Finding>>> result = new CompletableFuture<>();

    public MirrorValidation(FocusValidator validator, long maxQuads) {
        this.validator = validator;
        this.maxQuads = maxQuads;
    }

    /** Copies the quads of a parsed block (parser thread). */
    public void add(List<Quad> block) {
        if (mirror == null)
            return;
        quads += block.size();
        if (quads > maxQuads) {
            mirror = null;   // too big to copy: check inside the transaction instead
            return;
        }
        for (Quad q : block)
            mirror.add(q.asTriple());
    }

    /** Checks the copy (parser thread, once parsing has ended). */
    public void validate(LongConsumer progress) {
        try {
            if (mirror == null) {
                result.complete(Optional.empty());
                return;
            }
            long start = System.nanoTime();
            Set<Node> subjects = new LinkedHashSet<>();
            mirror.find().forEachRemaining(t -> subjects.add(t.getSubject()));
            Graph data = new MultiUnion(new Graph[] {mirror, validator.ontology()});
            List<Finding> findings = validator.validate(data, subjects, n -> null, progress);
            mirror = null;
            millis = (System.nanoTime() - start) / 1_000_000;
            result.complete(Optional.of(findings));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    /** Gives up (parsing failed or was cancelled): the load checks inside the transaction, if at all. */
    public void abandon() {
        mirror = null;
        result.complete(Optional.empty());
    }

    /** How long the check of the copy took (0 if it did not run). */
    public long millis() {
        return millis;
    }

    /** The findings (without sources), or empty if the batch was checked here not at all. */
    public Optional<List<Finding>> findings() {
        return result.join();
    }
}
