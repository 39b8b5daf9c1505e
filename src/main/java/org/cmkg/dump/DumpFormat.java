package org.cmkg.dump;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/** The dump syntaxes: each a gzipped file at a stable URL under {@value DumpModule#PATH}. */
public enum DumpFormat {
    TRIG("cmkg.trig.gz", Lang.TRIG, RDFFormat.TRIG_BLOCKS),
    NQUADS("cmkg.nq.gz", Lang.NQUADS, RDFFormat.NQUADS_UTF8);

    private final String fileName;
    private final Lang lang;
    private final RDFFormat streamingFormat;

    DumpFormat(String fileName, Lang lang, RDFFormat streamingFormat) {
        this.fileName = fileName;
        this.lang = lang;
        this.streamingFormat = streamingFormat;
    }

    /** The published file name, e.g. {@code cmkg.trig.gz}. */
    public String fileName() {
        return fileName;
    }

    /** The syntax inside the gzip. */
    public Lang lang() {
        return lang;
    }

    /** The streaming writer format RIOT uses for it. */
    RDFFormat streamingFormat() {
        return streamingFormat;
    }

    /** The server path of the dump, e.g. {@code /dumps/cmkg.trig.gz}. */
    public String path() {
        return DumpModule.PATH + "/" + fileName;
    }

    /** The server path of its checksum file. */
    public String checksumPath() {
        return path() + ".sha256";
    }
}
