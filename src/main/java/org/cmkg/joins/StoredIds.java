package org.cmkg.joins;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;

/**
 * Between the store's ids as objects and as the 64 bits its indexes hold, which identify them:
 * tables and index entries work on the bits, rows hold the objects that the node table
 * decodes. TDB2 converts only through bytes, so each instance keeps its own eight (not shared
 * between threads), and the last id it made: rows of a join in key order often repeat the same
 * value (the claims of one document, one after another, all give that document), and making the
 * id object was a tenth of "claims per document".
 */
final class StoredIds {
    private final byte[] buffer = new byte[NodeId.SIZE];
    private long lastBits;
    private NodeId lastId;

    long bits(NodeId id) {
        NodeIdFactory.set(id, buffer);
        return Bytes.getLong(buffer, 0);
    }

    NodeId id(long bits) {
        if (lastId == null || bits != lastBits) {
            Bytes.setLong(bits, buffer, 0);
            lastId = NodeIdFactory.get(buffer, 0);
            lastBits = bits;
        }
        return lastId;
    }
}
