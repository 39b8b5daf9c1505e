package org.cmkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.cmkg.testing.Browser;
import org.cmkg.testing.BrowserSession;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The SPARQL workbench in headless Chromium: a competency query from the menu, its table against
 * the query's expected results, its CSV downloaded, an error shown at its line and column, the query
 * kept in the URL, and {@code /sparql} opened by a browser.
 */
class WorkbenchInBrowserTest {
    private static final String EXAMPLE = "08-disagreeing-claims";
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();
    private final Browser browser = session.browser();

    @Test
    void aCompetencyQueryFromTheMenuGivesItsExpectedRowsAndItsCsv() throws IOException {
        browser.language("en").go("/query");
        browser.await("#editor .CodeMirror");
        new Select(browser.find("#examples")).selectByValue(EXAMPLE);
        assertTrue(browser.find("#example-help").getText().startsWith("Which claims disagree with each other"));
        assertTrue(((String) browser.script("return document.querySelector('.CodeMirror').CodeMirror.getValue()"))
                .contains("cmkg:disagreesWith"), "the example is in the editor");
        browser.find("#run").click();
        WebElement count = browser.await("#row-count");
        JsonObject expected = JsonParser.parseString(Files.readString(Path.of("queries", EXAMPLE + ".srj"))).getAsJsonObject();
        List<String> vars = new ArrayList<>();
        expected.getAsJsonObject("head").getAsJsonArray("vars").forEach(v -> vars.add(v.getAsString()));
        JsonArray bindings = expected.getAsJsonObject("results").getAsJsonArray("bindings");
        assertEquals(String.valueOf(bindings.size()), count.getAttribute("data-rows"));
        List<String> headers = browser.all("table.results th").stream().map(WebElement::getText).toList();
        assertEquals(vars, headers.subList(1, headers.size()));
        List<WebElement> rows = browser.all("table.results tbody tr");
        assertEquals(bindings.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            JsonObject binding = bindings.get(i).getAsJsonObject();
            for (int v = 0; v < vars.size(); v++) {
                WebElement cell = cells.get(v + 1);
                JsonElement want = binding.get(vars.get(v));
                if (want == null) {
                    assertEquals("", cell.getText());
                } else if ("uri".equals(want.getAsJsonObject().get("type").getAsString())) {
                    WebElement link = cell.findElement(By.tagName("a"));
                    assertEquals(want.getAsJsonObject().get("value").getAsString(), link.getAttribute("data-iri"));
                    String shown = link.getAttribute("textContent");
                    assertTrue(!shown.startsWith("http"), "IRIs shown by their label: " + shown);
                } else {
                    assertEquals(want.getAsJsonObject().get("value").getAsString(),
                            cell.findElement(By.cssSelector(".literal")).getAttribute("textContent"));
                }
            }
        }
        assertTrue(browser.location().startsWith("/query#query="), "the query is in the URL");
        browser.screenshot("workbench-example-en");

        browser.find(".downloads a[data-format=csv]").click();
        Path csv = browser.downloads().resolve("results.csv");
        browser.until(d -> Files.isRegularFile(csv) && sizeOf(csv) > 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(String.join(",", vars), lines.get(0));
        assertTrue(lines.size() > bindings.size(), "a line per row (quotes may hold line breaks)");
    }

    @Test
    void aSyntaxErrorIsShownAtItsLineAndColumn() {
        browser.language("zh").go("/query#query=" + org.cmkg.testing.Http.enc("SELECT * WHERE {\n  ?s ?p \n}").replace("+", "%20"));
        WebElement error = browser.await(".query-error");
        assertTrue(error.getText().contains("第 3 行"), error.getText());
        assertTrue(browser.all(".CodeMirror .cm-error-line").size() > 0, "the line is marked in the editor");
        browser.screenshot("workbench-error-zh");
        // The browser logs the endpoint's 400 as a failed load: that one, and nothing else, is expected.
        List<String> logged = browser.consoleErrors();
        assertEquals(1, logged.size(), String.join("\n", logged));
        assertTrue(logged.get(0).contains("/sparql") && logged.get(0).contains("400"), logged.get(0));
    }

    @Test
    void theEndpointOpenedInABrowserIsTheWorkbenchAndASharedQueryRuns() {
        browser.language("en").go("/sparql");
        browser.await("#editor .CodeMirror");
        String query = "PREFIX cmkg: <https://w3id.org/cmkg/ontology#>\nSELECT (COUNT(*) AS ?claims) WHERE { ?c a cmkg:Claim }";
        browser.go("/query#query=" + org.cmkg.testing.Http.enc(query).replace("+", "%20"));
        WebElement count = browser.await("#row-count");
        assertEquals("1", count.getAttribute("data-rows"));
        long claims = RealData.count(session.server().http(), "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/cmkg/ontology#Claim> }");
        assertEquals(String.valueOf(claims), browser.find("table.results tbody td .literal").getAttribute("textContent"));
        browser.screenshot("workbench-count-en");
    }

    @Test
    void aConstructAnswersInTurtleAndTheEditorCompletesOurTerms() {
        browser.language("en").go("/query");
        browser.await("#editor .CodeMirror");
        new Select(browser.find("#examples")).selectByValue("21-control-of-places-first-paper");
        browser.find("#run").click();
        WebElement count = browser.await("#triple-count");
        long expected = org.apache.jena.riot.RDFDataMgr.loadGraph("queries/21-control-of-places-first-paper.ttl").size();
        assertEquals(String.valueOf(expected), count.getAttribute("data-triples"));
        String turtle = (String) browser.script("return document.querySelector('#results .CodeMirror').CodeMirror.getValue()");
        assertTrue(turtle.startsWith("PREFIX") || turtle.startsWith("@prefix"), "the answer as Turtle: " + turtle);
        // Completion: after "a cmkg:Cl", Ctrl-Space offers our class.
        browser.script("const cm = document.querySelector('#editor .CodeMirror').CodeMirror;"
                + " cm.setValue('PREFIX cmkg: <https://w3id.org/cmkg/ontology#>\\nSELECT * WHERE { ?s a cmkg:Cl'); cm.focus();"
                + " cm.setCursor(cm.lineCount() - 1, 1000);");
        browser.find("#editor .CodeMirror textarea").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, " "));
        WebElement hint = browser.await(".CodeMirror-hints li");
        assertTrue(browser.all(".CodeMirror-hints li").stream().anyMatch(h -> h.getText().equals("cmkg:Claim")), hint.getText());
        browser.viewportScreenshot("workbench-completion-en");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
