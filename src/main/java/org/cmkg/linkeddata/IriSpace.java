package org.cmkg.linkeddata;

import java.util.Optional;

/**
 * The correspondence between our IRIs and this server's paths: the IRI {@code {base}{rest}} is
 * served at {@code /{rest}}. The base is the configured public base IRI (default
 * {@code https://w3id.org/cmkg/}), so when the base redirects to this server every IRI resolves.
 *
 * @param base the public base IRI, ending in {@code /}
 */
public record IriSpace(String base) {

    public IriSpace {
        if (!base.endsWith("/"))
            throw new IllegalArgumentException("base IRI must end in '/': " + base);
    }

    /** The IRI served at a local path ({@code /id/country/ukraine} → {@code {base}id/country/ukraine}). */
    public String iri(String localPath) {
        return base + (localPath.startsWith("/") ? localPath.substring(1) : localPath);
    }

    /** The local path of one of our IRIs (fragment dropped), or empty for anyone else's IRI. */
    public Optional<String> localPath(String iri) {
        if (iri == null || !iri.startsWith(base))
            return Optional.empty();
        String rest = iri.substring(base.length());
        int hash = rest.indexOf('#');
        String path = "/" + (hash >= 0 ? rest.substring(0, hash) : rest);
        String fragment = hash >= 0 ? rest.substring(hash) : "";
        return Optional.of(path + fragment);
    }

    /** Whether an IRI is ours (starts with the base). */
    public boolean isOurs(String iri) {
        return iri != null && iri.startsWith(base);
    }

    /** The base of entity, claim, document and concept IRIs: {@code {base}id/}. */
    public String idSpace() {
        return base + "id/";
    }

    /** The ontology IRI, {@code {base}ontology}. */
    public String ontology() {
        return base + "ontology";
    }

    /** The ontology namespace, {@code {base}ontology#}. */
    public String ontologyNamespace() {
        return base + "ontology#";
    }

    /** A named graph, {@code {base}graph/{name}}. */
    public String graph(String name) {
        return graphSpace() + name;
    }

    /** The base of the named graphs, {@code {base}graph/}. */
    public String graphSpace() {
        return base + "graph/";
    }

    /**
     * The paper reader of a document {@code {base}id/document/{key}}: {@code /read/{key}}; empty
     * for anything that is not one of our documents.
     */
    public Optional<String> readerPath(String documentIri) {
        String documents = idSpace() + "document/";
        if (documentIri == null || !documentIri.startsWith(documents))
            return Optional.empty();
        String key = documentIri.substring(documents.length());
        return key.isEmpty() || key.contains("/") || key.contains("#") ? Optional.empty() : Optional.of("/read/" + key);
    }

    /**
     * Where a claim stands in its paper's reader: {@code /read/{key}#c012} for the claim
     * {@code …/c012} of document {@code {base}id/document/{key}}; empty if the document has no reader.
     */
    public Optional<String> readerPath(String documentIri, String claimIri) {
        return readerPath(documentIri).map(p -> p + "#" + claimAnchor(claimIri));
    }

    /** The anchor of a claim in its reader: the last segment of its IRI ({@code c012}). */
    public static String claimAnchor(String claimIri) {
        return claimIri.substring(claimIri.lastIndexOf('/') + 1);
    }

    /** The public URL of the SPARQL endpoint, {@code {base}sparql}. */
    public String sparqlEndpoint() {
        return base + "sparql";
    }
}
