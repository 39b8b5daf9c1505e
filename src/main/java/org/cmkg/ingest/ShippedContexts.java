package org.cmkg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import org.cmkg.linkeddata.JsonLdWriter;

/**
 * The JSON-LD document loader of every load: a remote {@code @context} (or {@code @import}) is
 * answered from the contexts shipped in the jar, and any other URL is refused without touching
 * the network. Loading what a file names from the web would let an upload make the server fetch
 * arbitrary URLs (and hang on slow ones); the contexts we publish are the ones we can serve
 * ourselves.
 */
final class ShippedContexts implements DocumentLoader {
    /** Context URL → classpath resource: the context we publish at {@code /context.jsonld}. */
    static final Map<String, String> CONTEXTS = Map.of(
            "https://w3id.org/cmkg/context.jsonld", JsonLdWriter.CONTEXT_RESOURCE,
            "http://w3id.org/cmkg/context.jsonld", JsonLdWriter.CONTEXT_RESOURCE);

    /** JSON-LD options using this loader. */
    static JsonLdOptions options() {
        return new JsonLdOptions(new ShippedContexts());
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String resource = CONTEXTS.get(url.toString());
        if (resource == null)
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "Remote JSON-LD context <" + url + "> refused: only the contexts shipped with cmkg ("
                            + String.join(", ", CONTEXTS.keySet().stream().sorted().toList())
                            + ") are used, nothing is fetched from the network. Put the context inline in the file.");
        try (InputStream in = ShippedContexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "Missing shipped context " + resource);
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(url);
            return document;
        } catch (IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
        }
    }
}
