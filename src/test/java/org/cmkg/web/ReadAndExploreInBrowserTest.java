package org.cmkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cmkg.testing.Browser;
import org.cmkg.testing.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The reader, the timeline, the disagreements and an entity page with its map, in headless
 * Chromium, in both languages; no console errors; a screenshot of each.
 */
class ReadAndExploreInBrowserTest {
    private static final String C012 = "https://w3id.org/cmkg/id/claim/gao-zhang-2025/c012";
    private static final String C013 = "https://w3id.org/cmkg/id/claim/gao-zhang-2025/c013";
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();
    private final Browser browser = session.browser();

    @Test
    void aClaimsAnchorOpensThePaperAtItsPassageSelected() {
        browser.language("en").go("/read/gao-zhang-2025#c012");
        WebElement mark = browser.await("mark.q.on");
        assertEquals(C012, mark.getAttribute("data-claim"));
        assertEquals("c012", browser.script("return document.activeElement.id"));
        List<String> shown = browser.all(".claim-card.shown").stream().map(c -> c.getAttribute("data-claim")).toList();
        assertEquals(List.of(C012, C013), shown, "the claims at that point: c012, and c013 whose quote holds it");
        browser.viewportScreenshot("reader-c012-en");
    }

    @Test
    void selectingAPassageShowsEveryClaimThereAndPutsItInTheUrl() {
        browser.language("zh").go("/read/gao-zhang-2025");
        WebElement inner = browser.find("mark.q[data-claim='" + C012 + "']");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", inner);
        inner.click();
        browser.until(d -> browser.location().endsWith("#c012"));
        assertEquals(2, browser.all(".claim-card.shown").size());
        assertTrue(browser.find(".panel-title").getText().contains("此处的论断"));
        // Keyboard: Tab to a passage and Enter selects it.
        WebElement outer = browser.find("mark.q#c013");
        browser.script("arguments[0].focus()", outer);
        outer.sendKeys(Keys.ENTER);
        browser.until(d -> browser.location().endsWith("#c013"));
        assertEquals(C013, browser.all(".claim-card.shown").get(0).getAttribute("data-claim"));
        browser.viewportScreenshot("reader-selected-zh");
        browser.find("[data-show-all]").click();
        assertEquals(browser.all(".claim-card").size(), browser.all(".claim-card.shown").size());
        browser.screenshot("reader-gao-zhang-zh");
    }

    @Test
    void bothTablesOfThePaperAreTables() {
        browser.language("en").go("/read/gao-zhang-2025");
        List<WebElement> tables = browser.all("table.source-table");
        assertEquals(2, tables.size());
        assertEquals(4, tables.get(0).findElements(By.tagName("tr")).size());
        assertEquals(5, tables.get(1).findElements(By.tagName("th")).size());
        browser.script("arguments[0].scrollIntoView({block: 'start'})", tables.get(0));
        browser.viewportScreenshot("reader-table-en");
        browser.go("/read/wang-2025");
        browser.screenshot("reader-wang-en");
    }

    @Test
    void aDisagreementLeadsToBothSidesAndToTheOtherPaper() {
        browser.language("en").go("/read/gao-zhang-2025#c019");
        browser.await("mark.q.on");
        WebElement card = browser.find(".claim-card.shown");
        WebElement disagreement = card.findElement(By.cssSelector(".disagrees a[href^='/disagreements#']"));
        String other = card.findElement(By.cssSelector(".disagrees a.to-reader")).getAttribute("href");
        assertTrue(other.endsWith("/read/wang-2025#c009"), other);
        disagreement.click();
        browser.until(d -> browser.location().equals("/disagreements#signing-date"));
        WebElement section = browser.find("#signing-date");
        assertEquals(2, section.findElements(By.cssSelector(".side")).size(), "the two claims side by side");
        assertTrue(section.getText().contains("2025年4月30日") && section.getText().contains("2025年5月1日"));
        browser.screenshot("disagreements-en");
        section.findElement(By.cssSelector(".side[data-claim$='wang-2025/c009'] a.to-reader")).click();
        browser.until(d -> browser.location().equals("/read/wang-2025#c009"));
        assertEquals("https://w3id.org/cmkg/id/claim/wang-2025/c009", browser.await("mark.q.on").getAttribute("data-claim"));
        browser.language("zh").go("/disagreements");
        browser.screenshot("disagreements-zh");
    }

    @Test
    void theTimelineIsAChartAndAnOrderedList() {
        browser.language("en").go("/timeline");
        browser.await("#timeline-chart svg, #timeline-chart canvas");
        List<WebElement> entries = browser.all("ol.timeline > li");
        assertTrue(entries.size() >= 10);
        List<String> dates = entries.stream().map(e -> e.getAttribute("data-date")).toList();
        assertEquals(dates.stream().sorted().toList(), dates);
        assertEquals(2, browser.all("ol.timeline > li.differs").size(), "the signing at both dates");
        browser.screenshot("timeline-en");
        browser.find("[data-zoom='2024-06-01']").click();
        browser.viewportScreenshot("timeline-agreement-en");
        browser.language("zh").go("/timeline");
        browser.await("#timeline-chart svg, #timeline-chart canvas");
        assertTrue(browser.find("ol.timeline").getText().contains("2025年4月30日"));
        browser.screenshot("timeline-zh");
    }

    @Test
    void aPlacePageHasItsMapAndItsClaimsByPaper() {
        browser.language("en").go("/id/country/ukraine");
        browser.await("#map .leaflet-interactive");
        assertTrue(browser.all(".paper-group").size() == 2, "claims grouped by paper");
        browser.screenshot("entity-ukraine-en");
        browser.language("zh").go("/id/country/ukraine");
        browser.await("#map .leaflet-interactive");
        assertEquals("乌克兰", browser.find(".resource-head h1").getText().split("\\s+")[0]);
        browser.screenshot("entity-ukraine-zh");
        browser.go("/id/claim/gao-zhang-2025/c019");
        browser.screenshot("claim-c019-zh");
        browser.language("en").go("/read");
        browser.screenshot("papers-en");
    }

    @Test
    void aStaleLinkGetsAPageInTheReadersLanguageWithTheWayBack() {
        browser.language("zh").go("/read/no-such-paper");
        assertTrue(browser.find(".error-page h1").getText().startsWith("找不到该页面"));
        assertTrue(browser.find(".error-message").getText().contains("no-such-paper"), "what was not found");
        browser.screenshot("error-404-zh");
        browser.language("en").go("/id/claim/gao-zhang-2025/c999");
        assertTrue(browser.find(".error-page h1").getText().startsWith("Page not found"));
        browser.screenshot("error-404-en");
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.stream().allMatch(e -> e.contains("404")), "only the pages' own status: " + errors);
        browser.find(".error-page a[href='/read']").click();
        browser.until(d -> "/read".equals(browser.location()));
        assertEquals("/read", browser.location());
    }
}
