package org.cmkg.bench;

/** The three engines the benchmark compares, in the order of its tables. */
enum Engine {
    /** Our server ({@code cmkg serve --store}), started as the README starts it. */
    OURS("ours"),
    /** A plain Fuseki over a TDB2 store with the same jena-text index ({@link ReferenceFuseki}). */
    FUSEKI("Fuseki"),
    /** OpenLink Virtuoso (Debian's virtuoso-opensource), a private instance ({@link Virtuoso}). */
    VIRTUOSO("Virtuoso");

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
