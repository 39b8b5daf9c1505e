package org.cmkg.text;

import org.apache.jena.query.text.TextIndexLucene;

/**
 * A copy of the text index made earlier for exactly the data being loaded (the build's snapshot
 * of the embedded data), which a start can restore instead of analysing every literal again.
 */
@FunctionalInterface
public interface PrebuiltIndex {

    /** Adds the copy to an empty index and commits; false if there is none (the index is then left empty). */
    boolean restoreInto(TextIndexLucene index);

    /** No copy: the index is built. */
    PrebuiltIndex NONE = index -> false;
}
