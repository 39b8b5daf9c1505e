package org.cmkg.replication;

import java.util.Optional;

import org.apache.jena.sparql.core.DatasetGraph;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.IngestReport;
import org.cmkg.store.ServedDataset;
import org.cmkg.text.ParallelIndexer;
import org.cmkg.validation.FocusValidator;

/**
 * Applies one patch of the log to a replica's store through the one ingest pipeline (the same
 * write and index steps as every load), in one write transaction that also records the store's
 * new {@link LogPosition}: a replica killed at any moment has applied the patch and moved its
 * position, or neither. The shapes are not checked again: the writer checked the batch against
 * exactly the state this patch follows (its {@code prev}, which is checked here).
 */
final class PatchApply {

    private PatchApply() {}

    /** What applying a patch did. */
    record Applied(IngestReport report, LogPosition position) {}

    /**
     * @param current the store's position before the patch (empty for an empty store that follows no log yet)
     */
    static Applied apply(ServedDataset data, PatchInput patch, String topicId, Optional<LogPosition> current) {
        Optional<String> expected = current.map(LogPosition::patchId);
        if (!patch.prev().equals(expected))
            throw new BadPatchException(patch.firstOffset(), "patch " + patch.id() + " follows "
                    + patch.prev().map(p -> "patch " + p).orElse("nothing (the start of a log)")
                    + " but this store's last patch is " + expected.orElse("none (it is empty)")
                    + (expected.isEmpty() ? ": the log's first records were deleted; start this replica from a snapshot"
                                          : ": it was published by a writer that had not seen the whole log"));
        LogPosition[] position = new LogPosition[1];
        Ingest.Observer stamp = new Ingest.Observer() {
            @Override
            public void beforeCommit(DatasetGraph base) {
                position[0] = new LogPosition(topicId, patch.nextOffset(), patch.id());
                position[0].stamp(base);
            }
        };
        IngestReport report = Ingest.into(data, PatchApply::noValidator)
                .run(patch.input(), options(!patch.append()), IngestProgress.NONE, stamp);
        if (!report.committed())
            throw new BadPatchException(patch.firstOffset(), "the store refused it: " + report.validation());
        return new Applied(report, position[0]);
    }

    /** Committed, shared with readers, graphs replaced or not as the patch says, the shapes not checked again. */
    static Ingest.Options options(boolean replaceGraphs) {
        return new Ingest.Options(replaceGraphs, true, false, ParallelIndexer.defaultThreads(), Ingest.ShapeCheck.KNOWN_TO_CONFORM,
                Ingest.Indexing.WITH_WRITES, 0);
    }

    private static FocusValidator noValidator() {
        throw new IllegalStateException("a patch is not validated again: its writer validated it");
    }
}
