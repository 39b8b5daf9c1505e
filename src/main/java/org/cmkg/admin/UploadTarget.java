package org.cmkg.admin;

import com.google.gson.JsonObject;

import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.IngestSource;

/**
 * Where an upload goes once it has been read: into this process's store through the ingest
 * pipeline (the single process), or, on a replica, onto the replication log.
 */
@FunctionalInterface
public interface UploadTarget {

    /** Loads {@code source} (adding to its graphs if {@code append}, else replacing them). */
    Outcome load(IngestSource source, boolean append);

    /**
     * @param report whether the upload was committed, and its findings
     * @param extra  fields added to the JSON answer beside the report's (a replica: where its patch is in the log)
     */
    record Outcome(IngestReport report, JsonObject extra) {}
}
