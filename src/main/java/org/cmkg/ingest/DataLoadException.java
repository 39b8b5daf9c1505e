package org.cmkg.ingest;

/**
 * An RDF file that cannot be read. The message names the file and, where the parser knows it,
 * the line and column, e.g. {@code rdf-data/wang-2025.trig:42:17: Undefined prefix: foo}.
 */
public class DataLoadException extends RuntimeException {
    private final String file;
    private final long line;
    private final long column;

    public DataLoadException(String file, long line, long column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public DataLoadException(String file, String problem) {
        this(file, -1, -1, problem);
    }

    public String file() {
        return file;
    }

    /** Line number (1-based), or -1 when unknown. */
    public long line() {
        return line;
    }

    /** Column number (1-based), or -1 when unknown. */
    public long column() {
        return column;
    }

    private static String format(String file, long line, long column, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0)
                sb.append(':').append(column);
        }
        return sb.append(": ").append(problem).toString();
    }
}
