package org.cmkg.search;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.lucene.util.IntsRefBuilder;
import org.cmkg.search.SearchCatalog.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search catalog kept beside a persistent store, filed under the store's data version (its
 * {@code StoreFingerprint}), so that a start on an unchanged store reads it in a fraction of a
 * second instead of building it again with queries over the whole store (seconds at a million
 * triples). Built again whenever the version differs, and written for the next start.
 *
 * <p>The file is binary: a header with the version, a table of the distinct strings (IRIs,
 * labels: each once), a table of the distinct sets of them (types, documents, facet values: a few
 * thousand sets for hundreds of thousands of uses), the catalog's maps as numbers in those tables,
 * the claims' quotes and statements ({@link ClaimText}), and the resource number of each document of
 * the text index's segments ({@link DocResources}: a third of the search's readiness at a million
 * triples when read from the index). Reading it shares equal strings and equal sets, so the catalog
 * read takes less memory than the one built, and a set costs one number to read; the claims' texts
 * stay in the mapped file until a hit shows them. The maps come back in the order they were written
 * ({@link FrozenStringMap}), so resources keep their numbers and the kept segments' mappings hold.
 */
public final class CatalogFile {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogFile.class);
    private static final String MAGIC = "cmkg-search-catalog 5";
    private static final RecordComponent[] RESOURCE = Resource.class.getRecordComponents();
    /** The resource record's components: a catalog written for another shape is built again. */
    private static final String SHAPE = Arrays.stream(RESOURCE)
            .map(c -> c.getName() + ":" + c.getGenericType().getTypeName()).collect(Collectors.joining(","));

    /** No file: the catalog is built every time (the in-memory store). */
    public static final CatalogFile NONE = new CatalogFile(null, () -> "");

    private final Path file;
    private final Supplier<String> version;

    /**
     * @param file    where the catalog is kept
     * @param version the data version of the store as it is when asked (before a build begins)
     */
    public CatalogFile(Path file, Supplier<String> version) {
        this.file = file;
        this.version = version;
    }

    /**
     * A catalog as read from the file or built, with the segments' mappings kept with it (none for
     * a built one), by {@link DocResources#key segment}; {@code version} is the data version it was
     * read or built for.
     */
    record Edition(SearchCatalog catalog, Map<String, int[]> segments, boolean read, String version) {}

    /** The catalog kept for the current data version, or else {@code build}'s. */
    Edition readOrBuild(Supplier<SearchCatalog> build) {
        if (file == null)
            return new Edition(build.get(), Map.of(), false, "");
        String current = version.get();
        return read(current).orElseGet(() -> new Edition(build.get(), Map.of(), false, current));
    }

    /**
     * Writes a built catalog for the next start, with the index segments' mappings to its
     * resources, under the data version it was built for. The caller puts the catalog to use first.
     * A catalog read from the file is there already.
     */
    void keep(Edition edition, Map<String, int[]> segments) {
        if (file != null && !edition.read())
            write(edition.catalog(), edition.version(), segments);
    }

    private Optional<Edition> read(String current) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            if (!MAGIC.equals(header(in)) || !SHAPE.equals(header(in)) || !current.equals(header(in)))
                return Optional.empty();
            Reader reader = new Reader(in);
            return Optional.of(new Edition(reader.catalog(), reader.segments(), true, current));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search catalog in {} cannot be read ({}); building it again", file, e.toString());
            return Optional.empty();
        }
    }

    /** A header string as {@link DataOutputStream#writeUTF} wrote it (ASCII: modified UTF-8 is UTF-8). */
    private static String header(ByteBuffer in) {
        byte[] b = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private void write(SearchCatalog catalog, String current, Map<String, int[]> segments) {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (OutputStream stream = Files.newOutputStream(temporary);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeUTF(SHAPE);
            out.writeUTF(current);
            new Writer(out).write(catalog, segments);
            out.flush();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot keep the search catalog in {}: {}", file, e.toString());
            return;
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot keep the search catalog in {}: {}", file, e.toString());
        }
    }

    private static Object component(RecordComponent component, Resource r) {
        try {
            return component.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Constructor<Resource> resourceConstructor() throws IOException {
        try {
            return Resource.class.getDeclaredConstructor(Arrays.stream(RESOURCE).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IOException(e);
        }
    }

    /**
     * Writes five sections: the strings' UTF-8 lengths; their bytes; the numbers (one
     * block of ints: the sets, then the maps as string and set numbers, -1 for a null string, a
     * resource's components in the record's order, a boolean as 0 or 1, a claim's text as its place
     * in the texts section or -1); the claims' texts (a text as its UTF-8 length, -1 for null, and
     * its bytes: a quote, then the number of statements and each one's language number and text);
     * the segments' mappings (how many, then each one's key as a header string, its document count
     * and a resource number per document).
     * Each section's size comes first, and the reader takes each in one bulk read: the catalog is
     * read when the first search waits for it, in code the compiler has not reached yet, where a
     * call per number cost more than the numbers.
     */
    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        private final Map<Set<String>, Integer> setNumbers = new HashMap<>();
        private final List<Set<String>> sets = new ArrayList<>();
        private final IntsRefBuilder ints = new IntsRefBuilder();
        private final ByteArrayOutputStream textBytes = new ByteArrayOutputStream();
        private final DataOutputStream texts = new DataOutputStream(textBytes);

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(SearchCatalog c, Map<String, int[]> segments) throws IOException {
            collect(c);
            ints.append(sets.size());
            for (Set<String> set : sets) {
                ints.append(set.size());
                for (String v : set)
                    number(v);
            }
            ints.append(c.resources().size());
            for (Resource r : c.resources().values())
                for (RecordComponent component : RESOURCE)
                    value(component.getType(), component(component, r));
            ints.append(c.selectorToClaim().size());
            c.selectorToClaim().forEach((selector, claim) -> {
                number(selector);
                number(claim);
            });
            ints.append(c.labels().size());
            c.labels().forEach((iri, byLang) -> {
                number(iri);
                ints.append(byLang.size());
                byLang.forEach((lang, label) -> {
                    number(lang);
                    number(label);
                });
            });
            ints.append(c.typeClosures().size());
            c.typeClosures().forEach((iri, closure) -> {
                number(iri);
                set(closure);
            });

            byte[][] utf8 = new byte[strings.size()][];
            out.writeInt(utf8.length);
            for (int i = 0; i < utf8.length; i++) {
                utf8[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8[i].length);
            }
            out.writeInt(Arrays.stream(utf8).mapToInt(b -> b.length).sum());
            for (byte[] b : utf8)
                out.write(b);
            out.writeInt(ints.length());
            for (int i = 0; i < ints.length(); i++)
                out.writeInt(ints.intAt(i));
            texts.flush();
            out.writeInt(textBytes.size());
            textBytes.writeTo(out);
            out.writeInt(segments.size());
            for (Map.Entry<String, int[]> segment : segments.entrySet()) {
                out.writeUTF(segment.getKey());
                out.writeInt(segment.getValue().length);
                for (int resource : segment.getValue())
                    out.writeInt(resource);
            }
        }

        private void collect(SearchCatalog c) {
            for (Resource r : c.resources().values())
                for (RecordComponent component : RESOURCE)
                    addAll(component(component, r));
            c.selectorToClaim().forEach((k, v) -> add(k, v));
            c.labels().forEach((k, v) -> {
                add(k);
                v.forEach((lang, label) -> add(lang, label));
            });
            c.typeClosures().forEach((k, v) -> {
                add(k);
                addSet(v);
            });
        }

        /** The strings of a component's value (a string, a set of them, a claim text's languages). */
        private void addAll(Object value) {
            if (value instanceof String string)
                add(string);
            else if (value instanceof Set<?> set) {
                @SuppressWarnings("unchecked")
                Set<String> strings = (Set<String>) set;
                addSet(strings);
            }
            else if (value instanceof ClaimText text)
                text.statements().keySet().forEach(this::add);
        }

        private void value(Class<?> type, Object value) throws IOException {
            if (type == boolean.class) {
                ints.append((Boolean) value ? 1 : 0);
            } else if (type == String.class) {
                number((String) value);
            } else if (type == Set.class) {
                @SuppressWarnings("unchecked")
                Set<String> set = (Set<String>) value;
                set(set);
            } else if (type == ClaimText.class) {
                ClaimText text = (ClaimText) value;
                if (text.quote() == null && text.statements().isEmpty()) {
                    ints.append(-1);
                    return;
                }
                ints.append(texts.size());
                text(text.quote());
                texts.writeInt(text.statements().size());
                for (Map.Entry<String, String> e : text.statements().entrySet()) {
                    texts.writeInt(numbers.get(e.getKey()));
                    text(e.getValue());
                }
            } else {
                throw new IllegalStateException("A catalog resource holds a " + type + ": teach CatalogFile to keep it");
            }
        }

        private void add(String... values) {
            for (String s : values)
                if (s != null && !numbers.containsKey(s)) {
                    numbers.put(s, strings.size());
                    strings.add(s);
                }
        }

        private void addSet(Set<String> set) {
            set.forEach(this::add);
            if (!setNumbers.containsKey(set)) {
                setNumbers.put(set, sets.size());
                sets.add(set);
            }
        }

        private void number(String s) {
            ints.append(s == null ? -1 : numbers.get(s));
        }

        private void set(Set<String> values) {
            ints.append(setNumbers.get(values));
        }

        private void text(String s) throws IOException {
            if (s == null) {
                texts.writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            texts.writeInt(b.length);
            texts.write(b);
        }
    }

    /** Reads what {@link Writer} wrote; equal strings and equal sets are shared. */
    private static final class Reader {
        private final ByteBuffer in;
        private String[] strings;
        private List<Set<String>> sets;
        private int[] numbers;
        private int next;
        private final Map<String, int[]> segments = new HashMap<>();

        Reader(ByteBuffer in) {
            this.in = in;
        }

        SearchCatalog catalog() throws IOException {
            int[] lengths = ints(in.getInt());
            byte[] utf8 = new byte[count(in.getInt(), 1)];
            in.get(utf8);
            strings = new String[lengths.length];
            for (int i = 0, at = 0; i < lengths.length; at += lengths[i++])
                strings[i] = new String(utf8, at, lengths[i], StandardCharsets.UTF_8);
            numbers = ints(in.getInt());
            int textsSize = count(in.getInt(), 1);
            ByteBuffer texts = in.slice(in.position(), textsSize);
            in.position(in.position() + textsSize);
            for (int s = count(in.getInt(), 4); s > 0; s--)
                segments.put(header(in), ints(in.getInt()));
            if (in.hasRemaining())
                throw new IOException("data after the end of the catalog");

            int n = next();
            sets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String[] values = new String[next()];
                for (int j = 0; j < values.length; j++)
                    values[j] = string();
                sets.add(Set.of(values));
            }
            n = next();
            String[] iris = new String[n];
            Object[] resources = new Object[n];
            Constructor<Resource> constructor = resourceConstructor();
            Class<?>[] types = Arrays.stream(RESOURCE).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] values = new Object[types.length];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < types.length; k++)
                    values[k] = value(types[k], texts);
                Resource r;
                try {
                    r = constructor.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("Cannot make a catalog resource", e);
                }
                iris[i] = r.iri();
                resources[i] = r;
            }
            FrozenStringMap<String> selectorToClaim = stringKeyed(this::string);
            FrozenStringMap<Map<String, String>> labels = stringKeyed(this::map);
            FrozenStringMap<Set<String>> closures = stringKeyed(() -> sets.get(next()));
            if (next != numbers.length)
                throw new IOException("numbers after the end of the catalog");
            return new SearchCatalog(FrozenStringMap.of(iris, resources), selectorToClaim, labels, closures);
        }

        /** The segments' mappings kept with the catalog, once {@link #catalog} has read it. */
        Map<String, int[]> segments() {
            return segments;
        }

        private interface Value<V> {
            V read() throws IOException;
        }

        /** A map written as its size, then each key's string number and its value. */
        private <V> FrozenStringMap<V> stringKeyed(Value<V> value) throws IOException {
            int n = next();
            String[] keys = new String[n];
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                keys[i] = string();
                values[i] = value.read();
            }
            return FrozenStringMap.of(keys, values);
        }

        /** The next {@code n} ints of the file, in one bulk read. */
        private int[] ints(int n) throws IOException {
            int[] values = new int[count(n, 4)];
            in.asIntBuffer().get(values);
            in.position(in.position() + 4 * n);
            return values;
        }

        /** A section's size, checked against what is left of the file. */
        private int count(int n, int bytesEach) throws IOException {
            if (n < 0 || (long) n * bytesEach > in.remaining())
                throw new IOException("a section of " + n + " runs past the end of the catalog");
            return n;
        }

        private int next() throws IOException {
            if (next >= numbers.length)
                throw new IOException("the catalog ends too soon");
            return numbers[next++];
        }

        private Object value(Class<?> type, ByteBuffer texts) throws IOException {
            if (type == boolean.class)
                return next() != 0;
            if (type == String.class)
                return string();
            if (type == Set.class)
                return sets.get(next());
            if (type == ClaimText.class) {
                int at = next();
                if (at < 0)
                    return ClaimText.NONE;
                if (at > texts.limit() - 8)
                    throw new IOException("a claim's text past the end of the catalog");
                return new KeptClaimText(texts, strings, at);
            }
            throw new IOException("A catalog resource holds a " + type);
        }

        private String string() throws IOException {
            int i = next();
            return i < 0 ? null : strings[i];
        }

        private Map<String, String> map() throws IOException {
            int n = next();
            if (n == 0)
                return Map.of();
            if (n == 1)
                return Map.of(string(), string());
            if (n == 2) // most labelled resources: zh and en
                return Map.of(string(), string(), string(), string());
            Map<String, String> m = new HashMap<>();
            for (int j = 0; j < n; j++)
                m.put(string(), string());
            return Map.copyOf(m);
        }
    }

    /**
     * A claim's text decoded from the texts section of the mapped file when asked (absolute
     * reads: safe from any thread). The mapping lives as long as the catalog; a new catalog goes
     * to a new file, moved over the old one, so a mapped file never changes.
     */
    private static final class KeptClaimText extends ClaimText {
        private final ByteBuffer texts;
        private final String[] strings;
        private final int start;

        KeptClaimText(ByteBuffer texts, String[] strings, int start) {
            this.texts = texts;
            this.strings = strings;
            this.start = start;
        }

        @Override
        public String quote() {
            return text(start);
        }

        @Override
        public Map<String, String> statements() {
            int at = start;
            at += 4 + Math.max(0, texts.getInt(at));
            int n = texts.getInt(at);
            at += 4;
            Map<String, String> statements = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String lang = strings[texts.getInt(at)];
                at += 4;
                statements.put(lang, text(at));
                at += 4 + Math.max(0, texts.getInt(at));
            }
            return Map.copyOf(statements);
        }

        private String text(int at) {
            int n = texts.getInt(at);
            if (n < 0)
                return null;
            byte[] b = new byte[n];
            texts.get(at + 4, b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
