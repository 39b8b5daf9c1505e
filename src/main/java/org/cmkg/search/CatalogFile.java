package org.cmkg.search;

import java.io.BufferedOutputStream;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
 * labels, quotes: each once), a table of the distinct sets of them (types, documents, facet
 * values: a few thousand sets for hundreds of thousands of uses), then the catalog's maps as
 * numbers in those tables. Reading it shares equal strings and equal sets, so the catalog read
 * takes less memory than the one built, and a set costs one number to read. A claim's quote and
 * statements ({@link ClaimText}) are written where the claim is, not in the string table, and
 * stay in the mapped file until a hit shows them.
 */
public final class CatalogFile {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogFile.class);
    private static final String MAGIC = "cmkg-search-catalog 3";
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

    /** The catalog kept for the current data version, or else {@code build}'s, then kept. */
    SearchCatalog readOrBuild(Supplier<SearchCatalog> build) {
        if (file == null)
            return build.get();
        String current = version.get();
        Optional<SearchCatalog> kept = read(current);
        if (kept.isPresent())
            return kept.get();
        SearchCatalog built = build.get();
        write(built, current);
        return built;
    }

    private Optional<SearchCatalog> read(String current) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            if (!MAGIC.equals(header(in)) || !SHAPE.equals(header(in)) || !current.equals(header(in)))
                return Optional.empty();
            return Optional.of(new Reader(in).catalog());
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

    private void write(SearchCatalog catalog, String current) {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (OutputStream stream = Files.newOutputStream(temporary);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeUTF(SHAPE);
            out.writeUTF(current);
            new Writer(out).write(catalog);
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
     * Writes the string table and the set table, then the maps as string and set numbers (-1: a
     * null string); a resource's components in the record's order (a string, a boolean, a set of
     * strings, a claim's text: its quote, then its statements as language numbers and texts, each
     * text as its length in UTF-8 bytes (-1: null) and the bytes).
     */
    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        private final Map<Set<String>, Integer> setNumbers = new HashMap<>();
        private final List<Set<String>> sets = new ArrayList<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(SearchCatalog c) throws IOException {
            collect(c);
            out.writeInt(strings.size());
            for (String s : strings) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
            out.writeInt(sets.size());
            for (Set<String> set : sets) {
                out.writeInt(set.size());
                for (String v : set)
                    number(v);
            }
            out.writeInt(c.resources().size());
            for (Resource r : c.resources().values())
                for (RecordComponent component : RESOURCE)
                    value(component.getType(), component(component, r));
            out.writeInt(c.selectorToClaim().size());
            for (Map.Entry<String, String> e : c.selectorToClaim().entrySet()) {
                number(e.getKey());
                number(e.getValue());
            }
            out.writeInt(c.labels().size());
            for (Map.Entry<String, Map<String, String>> e : c.labels().entrySet()) {
                number(e.getKey());
                out.writeInt(e.getValue().size());
                for (Map.Entry<String, String> l : e.getValue().entrySet()) {
                    number(l.getKey());
                    number(l.getValue());
                }
            }
            out.writeInt(c.typeClosures().size());
            for (Map.Entry<String, Set<String>> e : c.typeClosures().entrySet()) {
                number(e.getKey());
                set(e.getValue());
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

        /** The strings of a component's value (a string, a set of them, a map of them). */
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
                out.writeBoolean((Boolean) value);
            } else if (type == String.class) {
                number((String) value);
            } else if (type == Set.class) {
                @SuppressWarnings("unchecked")
                Set<String> set = (Set<String>) value;
                set(set);
            } else if (type == ClaimText.class) {
                ClaimText text = (ClaimText) value;
                text(text.quote());
                out.writeInt(text.statements().size());
                for (Map.Entry<String, String> e : text.statements().entrySet()) {
                    number(e.getKey());
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

        private void number(String s) throws IOException {
            out.writeInt(s == null ? -1 : numbers.get(s));
        }

        private void set(Set<String> values) throws IOException {
            out.writeInt(setNumbers.get(values));
        }

        private void text(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    /** Reads what {@link Writer} wrote; equal strings and equal sets are shared. */
    private static final class Reader {
        private final ByteBuffer in;
        private String[] strings;
        private List<Set<String>> sets;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        SearchCatalog catalog() throws IOException {
            strings = new String[in.getInt()];
            byte[] buffer = new byte[256];
            for (int i = 0; i < strings.length; i++) {
                int n = in.getInt();
                if (n > buffer.length)
                    buffer = new byte[Math.max(n, buffer.length * 2)];
                in.get(buffer, 0, n);
                strings[i] = new String(buffer, 0, n, StandardCharsets.UTF_8);
            }
            int n = in.getInt();
            sets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String[] values = new String[in.getInt()];
                for (int j = 0; j < values.length; j++)
                    values[j] = string();
                sets.add(Set.of(values));
            }
            n = in.getInt();
            Map<String, Resource> resources = new HashMap<>(n * 4 / 3 + 1);
            Constructor<Resource> constructor = resourceConstructor();
            Class<?>[] types = Arrays.stream(RESOURCE).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] values = new Object[types.length];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < types.length; k++)
                    values[k] = value(types[k]);
                Resource r;
                try {
                    r = constructor.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("Cannot make a catalog resource", e);
                }
                resources.put(r.iri(), r);
            }
            n = in.getInt();
            Map<String, String> selectorToClaim = new HashMap<>(n * 4 / 3 + 1);
            for (int i = 0; i < n; i++)
                selectorToClaim.put(string(), string());
            n = in.getInt();
            Map<String, Map<String, String>> labels = new HashMap<>(n * 4 / 3 + 1);
            for (int i = 0; i < n; i++)
                labels.put(string(), map());
            n = in.getInt();
            Map<String, Set<String>> closures = new HashMap<>(n * 4 / 3 + 1);
            for (int i = 0; i < n; i++)
                closures.put(string(), set());
            if (in.hasRemaining())
                throw new IOException("data after the end of the catalog");
            return new SearchCatalog(Collections.unmodifiableMap(resources), Collections.unmodifiableMap(selectorToClaim),
                    Collections.unmodifiableMap(labels), Collections.unmodifiableMap(closures));
        }

        private Object value(Class<?> type) throws IOException {
            if (type == boolean.class)
                return in.get() != 0;
            if (type == String.class)
                return string();
            if (type == Set.class)
                return set();
            if (type == ClaimText.class)
                return claimText();
            throw new IOException("A catalog resource holds a " + type);
        }

        /** A claim's text where it is in the file, passed over. */
        private ClaimText claimText() throws IOException {
            int start = in.position();
            int quote = skipText();
            int statements = in.getInt();
            if (quote < 0 && statements == 0)
                return ClaimText.NONE;
            for (int i = 0; i < statements; i++) {
                in.getInt();
                skipText();
            }
            return new KeptClaimText(in, strings, start);
        }

        /** Passes over a text; its length (-1: null). */
        private int skipText() throws IOException {
            int n = in.getInt();
            if (n > in.remaining())
                throw new IOException("a text runs past the end of the catalog");
            if (n > 0)
                in.position(in.position() + n);
            return n;
        }

        private String string() {
            int i = in.getInt();
            return i < 0 ? null : strings[i];
        }

        private Map<String, String> map() {
            int n = in.getInt();
            if (n == 0)
                return Map.of();
            if (n == 1)
                return Map.of(string(), string());
            Map<String, String> m = new HashMap<>();
            for (int j = 0; j < n; j++)
                m.put(string(), string());
            return Map.copyOf(m);
        }

        private Set<String> set() {
            return sets.get(in.getInt());
        }
    }

    /**
     * A claim's text decoded from the mapped file when asked (absolute reads: safe from any
     * thread). The mapping lives as long as the catalog; a new catalog goes to a new file, moved
     * over the old one, so a mapped file never changes.
     */
    private static final class KeptClaimText extends ClaimText {
        private final ByteBuffer file;
        private final String[] strings;
        private final int start;

        KeptClaimText(ByteBuffer file, String[] strings, int start) {
            this.file = file;
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
            at += 4 + Math.max(0, file.getInt(at));
            int n = file.getInt(at);
            at += 4;
            Map<String, String> statements = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String lang = strings[file.getInt(at)];
                at += 4;
                statements.put(lang, text(at));
                at += 4 + Math.max(0, file.getInt(at));
            }
            return Map.copyOf(statements);
        }

        private String text(int at) {
            int n = file.getInt(at);
            if (n < 0)
                return null;
            byte[] b = new byte[n];
            file.get(at + 4, b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
