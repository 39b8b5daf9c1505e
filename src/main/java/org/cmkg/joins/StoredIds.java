package org.cmkg.joins;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;

/**
 * Between the store's ids as objects and as the 64 bits its indexes hold, which identify them:
 * hash tables and index entries work on the bits, rows hold the objects that the node table
 * decodes. TDB2 converts only through bytes, so each instance keeps its own eight (not shared
 * between threads).
 */
final class StoredIds {
    private final byte[] buffer = new byte[NodeId.SIZE];

    long bits(NodeId id) {
        NodeIdFactory.set(id, buffer);
        return Bytes.getLong(buffer, 0);
    }

    NodeId id(long bits) {
        Bytes.setLong(bits, buffer, 0);
        return NodeIdFactory.get(buffer, 0);
    }
}
