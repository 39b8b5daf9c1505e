package org.cmkg.web.reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.cmkg.config.RdfLocation;
import org.cmkg.sourcetext.SourceText;

/**
 * The source texts of the served documents: {@code sources/{key}.txt} beside the data, in the
 * configured data folders (or the copy in the jar), as docs/modelling.md lays them out. Each is read
 * and laid out once.
 */
public final class SourceTexts {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** A paper's text with its layout. */
    public record Paper(SourceText text, PaperLayout layout) {}

    private final List<RdfLocation> locations;
    private final Map<String, Optional<Paper>> cache = new ConcurrentHashMap<>();

    public SourceTexts(List<RdfLocation> locations) {
        this.locations = List.copyOf(locations);
    }

    /** The text of document {@code key}, if one of the data locations has it. */
    public Optional<Paper> find(String key) {
        if (!KEY.matcher(key).matches())
            return Optional.empty();
        return cache.computeIfAbsent(key, this::read);
    }

    private Optional<Paper> read(String key) {
        for (RdfLocation location : locations) {
            Optional<String> raw = location instanceof RdfLocation.Folder folder
                    ? fromFolder(folder.path().resolve("sources").resolve(key + ".txt"))
                    : fromClasspath(((RdfLocation.Embedded) location).resourceFolder() + "/sources/" + key + ".txt");
            if (raw.isPresent()) {
                SourceText text = SourceText.of(raw.get());
                return Optional.of(new Paper(text, PaperLayout.of(text)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromFolder(Path file) {
        if (!Files.isRegularFile(file))
            return Optional.empty();
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read source text " + file, e);
        }
    }

    private static Optional<String> fromClasspath(String resource) {
        try (InputStream in = SourceTexts.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read source text " + resource, e);
        }
    }
}
