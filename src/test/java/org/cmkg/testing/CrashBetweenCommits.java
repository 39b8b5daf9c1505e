package org.cmkg.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.store.Directory;
import org.cmkg.config.RdfLocation;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.OntologyFolder;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextIndexFactory;
import org.cmkg.validation.FocusValidator;

/**
 * A child-process main: loads files into a store and dies (exit 77, no clean-up, like a power cut)
 * at the worst moment of the commit: after TDB2 has committed (its journal is durable) and before
 * Lucene commits. Run by {@code CrashRecoveryTest}.
 *
 * <p>Arguments: STORE_DIR FILE...
 */
public final class CrashBetweenCommits {
    public static final int EXIT = 77;

    /** A text index whose commit halts the JVM once armed. */
    static final class HaltingIndex extends TextIndexLucene {
        static volatile boolean armed;

        HaltingIndex(Directory directory, TextIndexConfig config) {
            super(directory, config);
        }

        @Override
        public void commit() {
            if (armed)
                Runtime.getRuntime().halt(EXIT);
            super.commit();
        }
    }

    public static void main(String[] args) {
        Path store = Path.of(args[0]);
        FocusValidator validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
        LanguageAnalyzers.registerWithJenaText();
        ServedDataset data = PersistentStore.open(store, "crash test",
                dir -> new HaltingIndex(dir, TextIndexFactory.indexConfig()));
        List<Path> files = List.of(args).subList(1, args.length).stream().map(Path::of).toList();
        HaltingIndex.armed = true;
        Ingest.into(data, validator).run(SourceFiles.expand(files, new IriSpace("https://w3id.org/cmkg/"), Optional.empty()),
                Ingest.Options.forServer(), IngestProgress.NONE);
        System.out.println("the commit did not reach the index: the test hook failed");
        System.exit(1);
    }

    private CrashBetweenCommits() {}
}
