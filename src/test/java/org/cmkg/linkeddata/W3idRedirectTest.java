package org.cmkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.cmkg.Application;
import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The w3id redirect rules ({@code docs/w3id/.htaccess}) against every IRI under our base that the
 * data and the service publish: each is sent, path and query kept, to the same path on the service,
 * which answers it; every rule is needed; nothing looks at {@code Accept}, so the service negotiates.
 * Apache matches a rule's pattern against the path below the directory ({@code id/country/ukraine}
 * for {@code https://w3id.org/cmkg/id/country/ukraine}); the patterns are plain enough to mean the
 * same in Java.
 */
class W3idRedirectTest {
    static final String BASE = "https://w3id.org/cmkg/";
    static final Path HTACCESS = Path.of("docs/w3id/.htaccess");
    static final Pattern RULE = Pattern.compile("^RewriteRule\\s+(\\S+)\\s+(\\S+)\\s+\\[([^\\]]*)\\]$");

    record Rule(Pattern pattern, String substitution, int status, String line) {
        /** The redirect target for a path, when the rule matches it. */
        Optional<String> target(String path) {
            Matcher m = pattern.matcher(path);
            if (!m.find())
                return Optional.empty();
            String target = substitution;
            for (int g = m.groupCount(); g >= 1; g--)
                target = target.replace("$" + g, m.group(g) == null ? "" : m.group(g));
            return Optional.of(target);
        }
    }

    static Application app;
    static Http http;
    static List<Rule> rules;
    static String service;

    @BeforeAll
    static void start() throws IOException {
        rules = readRules(Files.readAllLines(HTACCESS));
        app = Application.start(RealData.config());
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<Rule> readRules(List<String> lines) {
        List<Rule> out = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (!line.startsWith("RewriteRule"))
                continue;
            Matcher m = RULE.matcher(line);
            assertTrue(m.matches(), "a RewriteRule of pattern, target and flags: " + line);
            Matcher status = Pattern.compile("(?:^|,)R=(\\d{3})(?:,|$)").matcher(m.group(3));
            assertTrue(status.find() && m.group(3).matches("(?:.*,)?L(?:,.*)?"), "a redirect that ends the rules: " + line);
            out.add(new Rule(Pattern.compile(m.group(1)), m.group(2), Integer.parseInt(status.group(1)), line));
        }
        return out;
    }

    @Test
    void everyRuleRedirectsToOneServiceAndNoneLooksAtAccept() throws IOException {
        String text = Files.readString(HTACCESS);
        assertFalse(text.contains("HTTP_ACCEPT"), "content negotiation is the service's, not the redirect's");
        assertTrue(rules.size() >= 5, rules.size() + " rules");
        Set<String> services = new TreeSet<>();
        for (Rule r : rules) {
            Matcher m = Pattern.compile("^(https://[^/$]+/)").matcher(r.substitution());
            assertTrue(m.find(), "an absolute https target: " + r.line());
            services.add(m.group(1));
            assertTrue(Set.of(302, 303, 307).contains(r.status()), r.line());
        }
        assertEquals(1, services.size(), "one service address in every rule: " + services);
    }

    @Test
    void everyIriOfTheDataRedirectsToItsOwnPathOnTheServiceAndEveryRuleIsNeeded() {
        Map<String, String> iris = publishedIris();
        assertTrue(iris.size() > 500, iris.size() + " IRIs");
        String serviceBase = serviceBase();
        Map<Rule, String> firstPathPerRule = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (String path : new TreeSet<>(iris.values())) {
            for (String form : forms(path)) {
                Optional<Rule> rule = rules.stream().filter(r -> r.target(form).isPresent()).findFirst();
                if (rule.isEmpty()) {
                    wrong.add(form + ": no rule");
                    continue;
                }
                String target = rule.get().target(form).orElseThrow();
                if (!target.equals(serviceBase + form))
                    wrong.add(form + " → " + target);
                firstPathPerRule.putIfAbsent(rule.get(), form);
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())));
        List<String> unused = rules.stream().filter(r -> !firstPathPerRule.containsKey(r)).map(Rule::line).toList();
        assertEquals(List.of(), unused, "rules no IRI needs");

        // One path per rule, asked of the service itself: the redirect leads somewhere that answers.
        firstPathPerRule.forEach((rule, path) -> {
            HttpResponse<String> r = http.get("/" + path, "Accept", "text/turtle, */*;q=0.1");
            assertEquals(200, r.statusCode(), "/" + path + " (" + rule.line() + ")");
        });
    }

    @Test
    void anIriOutsideOurFormsIsNotRedirected() {
        for (String path : List.of("admin/load", "id/Country/Ukraine", "id/country/../../etc", "ontologyx", "graph/a/b"))
            assertTrue(rules.stream().allMatch(r -> r.target(path).isEmpty()), path);
    }

    /** The path and, for what the service negotiates, the path with each suffix a client may use instead. */
    private static List<String> forms(String path) {
        List<String> forms = new ArrayList<>(List.of(path));
        if (path.startsWith("id/") || path.startsWith("graph/") || path.matches("ontology(/.*)?|shapes|void"))
            for (Representation r : Representation.values())
                forms.add(path + "." + r.suffix());
        return forms;
    }

    private static String serviceBase() {
        Matcher m = Pattern.compile("^(https://[^/$]+/)").matcher(rules.get(0).substitution());
        assertTrue(m.find());
        return m.group(1);
    }

    /**
     * Every IRI under our base the service publishes, IRI → path (fragment dropped): in the data's
     * triples and graph names, in the dataset description (VoID and the SPARQL service
     * description), the JSON-LD context and the base itself.
     */
    private static Map<String, String> publishedIris() {
        Map<String, String> out = new LinkedHashMap<>();
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc("""
                SELECT DISTINCT ?iri WHERE {
                  { GRAPH ?iri { } } UNION { GRAPH ?g { { ?iri ?p ?o } UNION { ?s ?iri ?o } UNION { ?s ?p ?iri } } }
                  FILTER (isIRI(?iri) && STRSTARTS(STR(?iri), "https://w3id.org/cmkg/"))
                }"""), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        for (JsonElement b : Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings"))
            add(out, b.getAsJsonObject().getAsJsonObject("iri").get("value").getAsString());
        for (String description : List.of("/.well-known/void", "/sparql"))
            RealData.parse(http.get(description, "Accept", "text/turtle").body(), Lang.TURTLE).find().forEach((Triple t) -> {
                for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject()))
                    if (n.isURI())
                        add(out, n.getURI());
            });
        add(out, BASE + LinkedDataModule.CONTEXT_PATH.substring(1));
        add(out, BASE);
        return out;
    }

    private static void add(Map<String, String> iris, String iri) {
        if (!iri.startsWith(BASE))
            return;
        String rest = iri.substring(BASE.length());
        int hash = rest.indexOf('#');
        iris.put(iri, hash >= 0 ? rest.substring(0, hash) : rest);
    }
}
