package org.cmkg.rdfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.cmkg.linkeddata.JsonLdWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published JSON-LD context ({@code /context.jsonld}) is written by hand; this keeps it true
 * to the ontology and the data. A term whose type coercion does not fit the values (an {@code @id}
 * term on a literal, {@code xsd:decimal} on a double, a language map on an untagged string) is
 * silently not used when compacting, so documents would fall back to full IRIs without anyone
 * noticing; a term for a property the ontology lacks is a typo.
 */
class JsonLdContextTest {
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    static Map<String, String> prefixes = new LinkedHashMap<>();
    static Map<String, JsonObject> terms = new LinkedHashMap<>();

    @BeforeAll
    static void readContext() throws IOException {
        try (InputStream in = JsonLdWriter.class.getClassLoader().getResourceAsStream(JsonLdWriter.CONTEXT_RESOURCE)) {
            JsonObject context = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonObject("@context");
            for (Map.Entry<String, JsonElement> e : context.entrySet()) {
                if (e.getKey().startsWith("@"))
                    continue;
                if (e.getValue().isJsonPrimitive())
                    prefixes.put(e.getKey(), e.getValue().getAsString());
                else
                    terms.put(e.getKey(), e.getValue().getAsJsonObject());
            }
        }
    }

    static String expand(String curie) {
        int colon = curie.indexOf(':');
        String ns = colon > 0 ? prefixes.get(curie.substring(0, colon)) : null;
        return ns == null ? curie : ns + curie.substring(colon + 1);
    }

    @Test
    void everyOntologyTermInTheContextIsDeclaredInTheOntology() {
        Model ontology = ProjectKnowledge.dataAndOntology();
        List<String> undeclared = new ArrayList<>();
        terms.forEach((name, def) -> {
            String iri = expand(def.get("@id").getAsString());
            if (iri.startsWith(prefixes.get("cmkg")) && !ontology.contains(ontology.createResource(iri), RDF.type, (RDFNode) null))
                undeclared.add(name + " → " + iri);
        });
        assertTrue(!terms.isEmpty());
        assertEquals(List.of(), undeclared);
    }

    @Test
    void everyTermsCoercionFitsEveryValueInTheData() {
        Model data = ProjectKnowledge.dataAndOntology();
        List<String> misfits = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonObject> term : terms.entrySet()) {
            JsonObject def = term.getValue();
            Property p = data.createProperty(expand(def.get("@id").getAsString()));
            String type = def.has("@type") ? def.get("@type").getAsString() : null;
            boolean languageMap = def.has("@container") && def.get("@container").toString().contains("@language");
            for (RDFNode value : data.listObjectsOfProperty(p).toList()) {
                checked++;
                String problem = misfit(value, type, languageMap);
                if (problem != null)
                    misfits.add(term.getKey() + ": " + value + " " + problem);
            }
        }
        assertTrue(checked > 1000, "the data uses the context's terms (" + checked + " values)");
        assertEquals(List.of(), misfits.subList(0, Math.min(10, misfits.size())));
    }

    private static String misfit(RDFNode value, String type, boolean languageMap) {
        if ("@id".equals(type))
            return value.isResource() ? null : "is a literal, the term expects an IRI";
        if (value.isResource())
            return type == null && !languageMap ? null : "is an IRI, the term expects a literal";
        String lang = value.asLiteral().getLanguage();
        if (languageMap)
            return lang.isEmpty() ? "has no language tag, the term is a language map" : null;
        if (type != null && !expand(type).equals(value.asLiteral().getDatatypeURI()))
            return "is " + value.asLiteral().getDatatypeURI() + ", the term coerces to " + expand(type);
        return null;
    }

    @Test
    void thePrefixesAreTheOnesTheOntologyUses() {
        Resource ontologyIri = ProjectKnowledge.dataAndOntology().listSubjectsWithProperty(RDF.type, OWL.Ontology).next();
        assertTrue(ontologyIri.getURI().startsWith(prefixes.get("cmkg").replace("#", "")), ontologyIri.getURI());
        assertEquals(XSD, prefixes.get("xsd"));
    }
}
