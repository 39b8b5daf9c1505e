package org.cmkg.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The words of the browser pages, one file per language: {@code cmkg/web/messages/{zh,en}.json},
 * a flat object of keys to texts (the page scripts get the keys starting with {@code js.}). A text
 * may hold {@code {0}}, {@code {1}}… for arguments. Both files have the same keys (a test checks);
 * asking for a key neither has is a programming error.
 */
public final class Messages {
    private static final Map<UiLanguage, Messages> ALL = load();

    private final UiLanguage language;
    private final Map<String, String> texts;

    private Messages(UiLanguage language, Map<String, String> texts) {
        this.language = language;
        this.texts = Collections.unmodifiableMap(texts);
    }

    /** The messages of a language. */
    public static Messages of(UiLanguage language) {
        return ALL.get(language);
    }

    public UiLanguage language() {
        return language;
    }

    /** The text of a key, with {@code {0}}, {@code {1}}… replaced by the arguments. */
    public String get(String key, Object... args) {
        String text = texts.get(key);
        if (text == null)
            throw new IllegalArgumentException("No message '" + key + "' in " + language.tag() + ".json");
        for (int i = 0; i < args.length; i++)
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        return text;
    }

    /** The text of a key both files may lack (a name for a code found in the data), if they have it. */
    public Optional<String> find(String key) {
        return Optional.ofNullable(texts.get(key));
    }

    /** Every key and text (for the consistency test). */
    public Map<String, String> all() {
        return texts;
    }

    /** The texts the page scripts use (keys starting with {@code js.}), sorted by key. */
    public Map<String, String> forScripts() {
        Map<String, String> js = new TreeMap<>();
        texts.forEach((k, v) -> {
            if (k.startsWith("js."))
                js.put(k, v);
        });
        return js;
    }

    private static Map<UiLanguage, Messages> load() {
        Map<UiLanguage, Messages> all = new EnumMap<>(UiLanguage.class);
        for (UiLanguage l : UiLanguage.values())
            all.put(l, new Messages(l, read("cmkg/web/messages/" + l.tag() + ".json")));
        return all;
    }

    private static Map<String, String> read(String resource) {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("Message file missing: " + resource);
            JsonObject json = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            Map<String, String> texts = new LinkedHashMap<>();
            json.entrySet().forEach(e -> texts.put(e.getKey(), e.getValue().getAsString()));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
