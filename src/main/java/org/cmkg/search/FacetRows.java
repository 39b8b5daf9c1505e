package org.cmkg.search;

import java.util.List;

/**
 * Every resource's type and facet values in one row of numbers, so that counting a result is one
 * loop over one slice of an array (the six values of a claim sit side by side) instead of a
 * lookup per facet. Value numbers are global: group g (0 the type, then the facets in
 * {@link Facet} order) holds numbers {@code [groupStart[g], groupStart[g + 1])}, which are that
 * group's {@link FacetColumn} numbers shifted by {@code groupStart[g]}.
 */
final class FacetRows {
    /** Bit of the type group in a mask of groups; facet f is {@code 1 << (f.ordinal() + 1)}. */
    static final int TYPE_GROUP = 1;

    private final int[] groupStart;
    private final byte[] groupOf;
    private final int[] rowStart;
    private final int[] row;

    /** @param columns the type column, then one column per facet in {@link Facet} order */
    FacetRows(List<FacetColumn> columns, int resourceCount) {
        groupStart = new int[columns.size() + 1];
        for (int g = 0; g < columns.size(); g++)
            groupStart[g + 1] = groupStart[g] + columns.get(g).size();
        groupOf = new byte[groupStart[columns.size()]];
        for (int g = 0; g < columns.size(); g++)
            for (int v = groupStart[g]; v < groupStart[g + 1]; v++)
                groupOf[v] = (byte) g;
        rowStart = new int[resourceCount + 1];
        int total = 0;
        for (int r = 0; r < resourceCount; r++) {
            rowStart[r] = total;
            for (FacetColumn c : columns)
                total += c.valueCount(r);
        }
        rowStart[resourceCount] = total;
        row = new int[total];
        for (int r = 0; r < resourceCount; r++) {
            int at = rowStart[r];
            for (int g = 0; g < columns.size(); g++)
                at = columns.get(g).copyValues(r, row, at, groupStart[g]);
        }
    }

    /** How many global value numbers there are (the size of a counts array). */
    int size() {
        return groupOf.length;
    }

    /** The first global number of a group. */
    int groupStart(int group) {
        return groupStart[group];
    }

    /** Adds one to {@code counts} for each of the resource's values. */
    void countAll(int resource, int[] counts) {
        for (int i = rowStart[resource]; i < rowStart[resource + 1]; i++)
            counts[row[i]]++;
    }

    /** Adds one to {@code counts} for each of the resource's values in the groups of {@code groups} (a bit mask). */
    void count(int resource, int groups, int[] counts) {
        for (int i = rowStart[resource]; i < rowStart[resource + 1]; i++) {
            int v = row[i];
            if ((groups & (1 << groupOf[v])) != 0)
                counts[v]++;
        }
    }
}
