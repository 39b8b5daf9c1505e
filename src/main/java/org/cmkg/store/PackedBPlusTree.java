package org.cmkg.store;

import java.util.function.ObjIntConsumer;

import org.apache.jena.dboe.base.buffer.PtrBuffer;
import org.apache.jena.dboe.base.buffer.RecordBuffer;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.base.recordbuffer.RecordBufferPage;
import org.apache.jena.dboe.base.recordbuffer.RecordBufferPageMgr;
import org.apache.jena.dboe.trans.bplustree.BPTreeNode;
import org.apache.jena.dboe.trans.bplustree.BPTreeNodeMgr;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;

/**
 * Writes an empty TDB2 B+tree from its keys in ascending order, bottom up: the record pages
 * filled one after the other, then each level of branch nodes over the level below, then the
 * tree's root set to the top node. Inserting the same keys one by one walks from the root for each
 * and splits pages as they fill (a million entries: about 1.7 s per index here); this writes each
 * page once.
 *
 * <p>It runs inside the store's write transaction and uses only what an insert uses: pages
 * allocated past the transaction's start (which an abort gives back) and a new root in the
 * transaction's state (which only a commit makes the tree's). So the tree is built atomically
 * with the rest of the load, as TDB2's own inserts would be, not in place as TDB2's offline
 * rewriter does (it overwrites block 0).
 *
 * <p>Pages and nodes are filled evenly: a level of n entries over b blocks gives each n/b or
 * n/b + 1, so every block but a lone root holds at least half its capacity, as the B+tree's
 * later inserts and deletes expect.
 */
public final class PackedBPlusTree {

    private PackedBPlusTree() {}

    /**
     * Fills {@code tree}, which must be empty and in a write transaction of this thread, with
     * {@code count} keys: {@code key.accept(bytes, i)} writes the i-th key (ascending, no repeats)
     * into {@code bytes}.
     */
    public static void fill(BPlusTree tree, int count, ObjIntConsumer<byte[]> key) {
        if (count == 0)
            return;
        if (!tree.isEmpty())
            throw new IllegalStateException("Only an empty B+tree can be filled from sorted keys");
        RecordBufferPageMgr pages = tree.getRecordsMgr().getRecordBufferPageMgr();
        BPTreeNodeMgr nodes = tree.getNodeManager();
        tree.getRecordsMgr().startUpdate();
        nodes.startUpdate();
        try {
            Level level = leaves(pages, tree.getRecordFactory(), count, key);
            boolean aboveLeaves = true;
            do {
                level = branches(nodes, tree.getParams().getMaxPtr(), tree.getRecordFactory().keyFactory(), level, aboveLeaves);
                aboveLeaves = false;
            } while (level.size() > 1);
            tree.newRoot(level.last());
        } finally {
            nodes.finishUpdate();
            tree.getRecordsMgr().finishUpdate();
        }
    }

    /** The blocks of one level: their ids, for each the highest key below it, and the last node made. */
    private record Level(int[] ids, byte[][] highs, BPTreeNode[] lastNode) {
        Level(int blocks) {
            this(new int[blocks], new byte[blocks][], new BPTreeNode[1]);
        }

        BPTreeNode last() {
            return lastNode[0];
        }

        int size() {
            return ids.length;
        }
    }

    private static Level leaves(RecordBufferPageMgr pages, RecordFactory factory, int count, ObjIntConsumer<byte[]> key) {
        RecordBufferPage first = pages.create();
        int capacity = first.getMaxSize();
        int blocks = (count + capacity - 1) / capacity;
        Level level = new Level(blocks);
        Record record = factory.create(new byte[factory.keyLength()]);
        int next = 0;
        for (int b = 0; b < blocks; b++) {
            RecordBufferPage page = b == 0 ? first : pages.create();
            RecordBuffer records = page.getRecordBuffer();
            records.setSize(0);
            for (int i = share(count, blocks, b); i > 0; i--) {
                key.accept(record.getKey(), next++);
                records.add(record);
            }
            level.ids[b] = page.getId();
            level.highs[b] = record.getKey().clone();
            pages.put(page);
        }
        return level;
    }

    private static Level branches(BPTreeNodeMgr nodes, int capacity, RecordFactory keys, Level below, boolean aboveLeaves) {
        int blocks = (below.size() + capacity - 1) / capacity;
        Level level = new Level(blocks);
        int next = 0;
        for (int b = 0; b < blocks; b++) {
            BPTreeNode node = nodes.createNode(-1);
            node.setIsLeaf(aboveLeaves);   // TDB2's "leaf" node: one whose children are record pages
            PtrBuffer children = node.getPtrBuffer();
            RecordBuffer separators = node.getRecordBuffer();
            children.setSize(0);
            separators.setSize(0);
            int n = share(below.size(), blocks, b);
            for (int i = 0; i < n; i++, next++) {
                children.add(below.ids[next]);
                if (i < n - 1)   // a child's highest key separates it from the next; the last one's goes up
                    separators.add(keys.create(below.highs[next]));
            }
            node.setCount(n - 1);
            level.ids[b] = node.getId();
            level.highs[b] = below.highs[next - 1];
            level.lastNode[0] = node;
            nodes.put(node);
        }
        return level;
    }

    /** How many of {@code total} entries block {@code b} of {@code blocks} gets: as even as can be. */
    private static int share(int total, int blocks, int b) {
        return total / blocks + (b < total % blocks ? 1 : 0);
    }
}
