package org.cmkg;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cmkg.config.ServerConfig;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.dump.DumpFiles;
import org.cmkg.dump.DumpModule;
import org.cmkg.dump.DumpWriter;
import org.cmkg.http.RouteModule;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.LinkedDataModule;
import org.cmkg.linkeddata.ResourceDescriber;
import org.cmkg.reconcile.ReconcileModule;
import org.cmkg.reconcile.ReconciliationSchemas;
import org.cmkg.reconcile.ReconciliationService;
import org.cmkg.voiddesc.DatasetDescriptions;
import org.cmkg.voiddesc.DatasetMetadata;
import org.cmkg.voiddesc.VoidModule;

/**
 * The linking capabilities wired together, for the composition root: dereferenceable IRIs
 * ({@code linkeddata}), VoID and service description ({@code voiddesc}), dumps ({@code dump})
 * and reconciliation ({@code reconcile}), all reading the served dataset and following its
 * {@link DataVersion}. Construction only; the modules' own classes hold the behaviour.
 */
public final class LinkingModules {
    private final List<RouteModule> modules;
    private final DataVersion version;
    private final ReconciliationService reconciliation;
    private final PrefixMapping prefixes;

    private LinkingModules(List<RouteModule> modules, DataVersion version, ReconciliationService reconciliation,
                           PrefixMapping prefixes) {
        this.modules = modules;
        this.version = version;
        this.reconciliation = reconciliation;
        this.prefixes = prefixes;
    }

    /** The project's prefixes, as the linked data and dumps write them (the SPARQL workbench declares them too). */
    public PrefixMapping prefixes() {
        return prefixes;
    }

    /** The route modules, in the order their routes and filters are installed. */
    public List<RouteModule> modules() {
        return modules;
    }

    /**
     * Call when the data has been loaded (and after every later write): marks the data changed, so
     * dumps and descriptions are produced anew, and rebuilds the reconciliation name index once
     * {@code first} is done (work the first requests wait for, e.g. the search catalog) and a
     * moment later, rather than on the first reconciliation query. Returns that rebuild, done when
     * it ended.
     */
    public CompletableFuture<Void> dataLoaded(CompletableFuture<?> first) {
        version.changed();
        return reconciliation.refreshAfter(first);
    }

    /** Stops what {@link #dataLoaded} started in the background and waits for it, before the store closes. */
    public void stopBackgroundWork() {
        reconciliation.stopBackgroundWork();
    }

    /** Builds the linking modules over the served dataset; {@code describer} describes its resources. */
    public static LinkingModules create(ServerConfig config, DatasetGraph dataset, ResourceDescriber describer, DataVersion version) {
        IriSpace iris = new IriSpace(config.baseIri());
        LinkedDataModule linkedData = new LinkedDataModule(iris, dataset, describer, config.mapTiles());
        DatasetDescriptions descriptions = new DatasetDescriptions(dataset, iris, DatasetMetadata.defaults(), version,
                config.serviceAllowed());
        DumpFiles dumps = new DumpFiles(dataset, new DumpWriter(linkedData.responder().rdf().prefixes()), version);
        ReconciliationService reconciliation = new ReconciliationService(dataset, iris.idSpace(), iris.ontologyNamespace(), version);
        return new LinkingModules(List.of(
                linkedData,
                new VoidModule(descriptions, linkedData.responder()),
                new DumpModule(dumps),
                new ReconcileModule(reconciliation, new ReconciliationSchemas())), version, reconciliation,
                linkedData.responder().rdf().prefixes());
    }
}
