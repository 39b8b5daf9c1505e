package org.cmkg.replication;

/** The header rows of our patches ({@code H name value .}), and the Kafka record headers beside them. */
final class PatchHeaders {
    /** The patch's id, an IRI ({@code urn:uuid:…}); also the key of each of its Kafka records. */
    static final String ID = "id";
    /** The id of the patch this one was validated after (absent for the first patch of a log). */
    static final String PREV = "prev";
    /** {@value #REPLACE} or {@value #APPEND}: what the quads do to the graphs they go to, as {@code cmkg load [--append]}. */
    static final String GRAPHS = "graphs";
    static final String REPLACE = "replace";
    static final String APPEND = "append";
    /** What the patch was loaded from (file names), for reports. */
    static final String SOURCE = "source";

    /** The Kafka record header giving the record's syntax (the convention of Jena's Kafka connector). */
    static final String CONTENT_TYPE = "Content-Type";
    static final String PATCH_MEDIA_TYPE = "application/rdf-patch";

    private PatchHeaders() {}
}
