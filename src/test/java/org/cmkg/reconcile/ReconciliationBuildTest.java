package org.cmkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cmkg.config.ServerConfig;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Loaded;
import org.cmkg.testing.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The background build of the name index: after the work before it and a pause, and never holding a stop up. */
class ReconciliationBuildTest {
    static ServedDataset data;
    static final IriSpace IRIS = new IriSpace(ServerConfig.DEFAULT_BASE_IRI);

    @BeforeAll
    static void load() {
        data = Loaded.store(ServerConfig.defaults());
    }

    @AfterAll
    static void close() {
        data.close();
    }

    private static ReconciliationService service() {
        return new ReconciliationService(data.queryable(), IRIS.idSpace(), IRIS.ontologyNamespace(), new DataVersion());
    }

    @Test
    void theBuildStartsAPauseAfterTheWorkBeforeIt() {
        ReconciliationService service = service();
        try (LogCapture log = LogCapture.of(ReconciliationService.class)) {
            long start = System.nanoTime();
            service.refreshAfter(CompletableFuture.completedFuture(null)).join();
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            // A lower bound: a busy machine only makes it later (the build alone takes a fraction of it).
            assertTrue(tookMs >= ReconciliationService.PAUSE_MS, "built " + tookMs + " ms after the work before it");
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("Reconciliation index: ")), "built: " + log.lines());
        } finally {
            service.stopBackgroundWork();
        }
    }

    @Test
    void aStopWaitsForEveryBuildNotOnlyTheLatest() {
        ReconciliationService service = service();
        // The start's build, behind work that ends a moment after the stop begins; then a load's.
        CompletableFuture<Void> catalog = new CompletableFuture<>();
        CompletableFuture<Void> startBuild = service.refreshAfter(catalog);
        service.refreshAfter(CompletableFuture.completedFuture(null));
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> catalog.complete(null));
        service.stopBackgroundWork();
        assertTrue(startBuild.isDone(), "the stop returned with the start's build still to come");
    }

    @Test
    void aStopDuringThePauseNeitherWaitsForItNorBuilds() {
        ReconciliationService service = service();
        try (LogCapture log = LogCapture.of(ReconciliationService.class)) {
            CompletableFuture<Void> building = service.refreshAfter(CompletableFuture.completedFuture(null));
            long start = System.nanoTime();
            service.stopBackgroundWork();
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(building.isDone());
            assertTrue(waitedMs < ReconciliationService.PAUSE_MS, "the stop waited out the pause: " + waitedMs + " ms");
            assertTrue(log.lines().isEmpty(), "no build: " + log.lines());
        }
    }
}
