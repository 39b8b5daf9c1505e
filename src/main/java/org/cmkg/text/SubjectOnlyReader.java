package org.cmkg.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefArray;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.Counter;

/**
 * The shared index as a {@code text:query} that binds only subjects and scores reads it: each
 * hit's stored document holds just its subject ({@link TextFields#URI}). Lucene keeps stored
 * fields compressed in blocks of many documents, so jena-text's reading of a hit's document
 * decompresses a block to take one string from it: 40 % of the text part of a query for a rare
 * word at a million triples, for a subject the index already has in its terms. Here each segment's
 * subjects are read once from those terms (one pass over the subject field's postings, on the
 * first such query that reaches the segment) into a table from document to subject, kept while the
 * segment lives, so a hit's subject is one array read.
 *
 * <p>A view is made over each shared reader (a wrapper per segment, no I/O; {@link
 * SharedReaderTextIndex} keeps the latest) and never closed: closing it would close the shared
 * reader under it, which the shared readers' manager closes when no query holds it.
 */
final class SubjectOnlyReader extends FilterDirectoryReader {

    private SubjectOnlyReader(DirectoryReader shared, Subjects subjects) throws IOException {
        super(shared, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new Leaf(reader, subjects);
            }
        });
    }

    /** The view of {@code shared} whose stored documents hold only their subjects; valid while {@code shared} is open. */
    static DirectoryReader over(DirectoryReader shared, Subjects subjects) {
        try {
            return new SubjectOnlyReader(shared, subjects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
        throw new UnsupportedOperationException("a view is made again for each shared reader, not refreshed");
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    /** Each segment's document → subject table, by the segment's core; dropped with the segment. */
    static final class Subjects {
        private final SameSegmentReader.PerSegment<Table> tables = new SameSegmentReader.PerSegment<>();

        Table of(LeafReader segment) {
            return tables.of(segment, Table::read);
        }
    }

    /** The distinct subjects of a segment (UTF-8, packed) and, per document, the number of its subject or -1. */
    record Table(BytesRefArray subjects, int[] subjectOf) {
        static Table read(LeafReader segment) {
            BytesRefArray subjects = new BytesRefArray(Counter.newCounter());
            int[] subjectOf = new int[segment.maxDoc()];
            Arrays.fill(subjectOf, -1);
            try {
                Terms terms = segment.terms(TextFields.URI);
                if (terms != null) {
                    TermsEnum each = terms.iterator();
                    PostingsEnum docs = null;
                    for (BytesRef subject = each.next(); subject != null; subject = each.next()) {
                        int number = subjects.append(subject);
                        docs = each.postings(docs, PostingsEnum.NONE);
                        for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc())
                            subjectOf[d] = number;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the text index's subjects", e);
            }
            return new Table(subjects, subjectOf);
        }

        String subject(int doc) {
            int number = subjectOf[doc];
            return number < 0 ? null : subjects.get(new BytesRefBuilder(), number).utf8ToString();
        }
    }

    private static final class Leaf extends SameSegmentReader {
        private final Subjects subjects;

        Leaf(LeafReader in, Subjects subjects) {
            super(in);
            this.subjects = subjects;
        }

        @Override
        public StoredFields storedFields() {
            Table table = subjects.of(in);
            FieldInfo subjectField = in.getFieldInfos().fieldInfo(TextFields.URI);
            return new StoredFields() {
                @Override
                public void document(int doc, StoredFieldVisitor visitor) throws IOException {
                    String subject = table.subject(doc);
                    if (subject != null && subjectField != null && visitor.needsField(subjectField) == StoredFieldVisitor.Status.YES)
                        visitor.stringField(subjectField, subject);
                }
            };
        }
    }
}
