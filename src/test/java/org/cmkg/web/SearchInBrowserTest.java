package org.cmkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cmkg.testing.Browser;
import org.cmkg.testing.BrowserSession;
import org.cmkg.web.i18n.Messages;
import org.cmkg.web.i18n.UiLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Searching in a real browser (headless Chromium): suggestions as you type, results, a facet
 * applied and removed, the back button, a hit opened and its sentence in the reader, both
 * languages. Every test fails on a browser console error and leaves a screenshot.
 */
class SearchInBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();
    private final Browser browser = session.browser();

    @Test
    void searchingInChineseSuggestsEntitiesAndFindsClaims() {
        browser.language("en").go("/");
        WebElement box = browser.find("form.search input[name=q]");
        box.sendKeys("稀土");
        WebElement suggestion = browser.await(".suggestions li[role=option] .name");
        assertTrue(browser.all(".suggestions li .name").stream().anyMatch(e -> e.getText().equals("稀土")),
                "the rare-earth elements are suggested by their Chinese label");
        assertFalse(suggestion.getText().isBlank());
        browser.screenshot("search-suggestions-en");
        box.sendKeys(Keys.ENTER);
        browser.await("#result-count");
        assertTrue(browser.location().startsWith("/search?q=%E7%A8%80%E5%9C%9F"), browser.location());
        assertTrue(browser.find("#result-count").getText().matches("\\d+ results for “稀土”\\..*"));
        assertTrue(browser.all(".hit mark").stream().anyMatch(m -> m.getText().contains("稀土")), "matched words marked");
        assertTrue(browser.all(".claim-hit blockquote.quote").size() > 0, "claims show their exact quote");
        browser.screenshot("search-zh-word-en");
    }

    @Test
    void aFacetFiltersAndTheBackButtonUndoesIt() {
        browser.language("en").go("/search?q=" + org.cmkg.testing.Http.enc("rare earth"));
        int all = total();
        WebElement forecast = browser.find("[data-facet=claimKind] a[data-value$='#Forecast']");
        int expected = Integer.parseInt(forecast.findElement(org.openqa.selenium.By.cssSelector(".count")).getText());
        forecast.click();
        browser.until(d -> browser.location().contains("claimKind="));
        assertEquals(expected, total(), "the facet's count is the number of results");
        assertTrue(expected < all);
        assertEquals(1, browser.all(".active-filters .pill").size(), "the filter is shown and can be removed");
        assertTrue(browser.all(".claim-hit .kind-Forecast").size() == browser.all(".claim-hit").size(), "only forecasts");
        browser.screenshot("search-facet-en");
        browser.driver().navigate().back();
        browser.until(d -> !browser.location().contains("claimKind="));
        assertEquals(all, total(), "back to the search before the filter");
        browser.driver().navigate().forward();
        browser.until(d -> browser.location().contains("claimKind="));
        browser.find(".active-filters .pill a.remove").click();
        browser.until(d -> !browser.location().contains("claimKind="));
        assertEquals(all, total());
    }

    @Test
    void aHitLeadsToItsClaimAndToItsSentenceInThePaper() {
        browser.language("en").go("/search?q=" + org.cmkg.testing.Http.enc("储量") + "&type=claim");
        WebElement hit = browser.find(".claim-hit");
        String iri = hit.getAttribute("data-iri");
        hit.findElement(org.openqa.selenium.By.cssSelector("h3 a")).click();
        browser.await(".resource-head h1");
        assertTrue(browser.location().startsWith("/id/claim/"), browser.location());
        assertTrue(browser.find("blockquote.quote").getText().length() > 2, "the claim page shows the quote");
        browser.find("a.button.to-reader").click();
        String anchor = iri.substring(iri.lastIndexOf('/') + 1);
        browser.until(d -> browser.location().endsWith("#" + anchor));
        WebElement passage = browser.await("mark.q.on");
        assertEquals(iri, passage.getAttribute("data-claim"), "the claim's passage is selected");
        assertTrue((Boolean) browser.script("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;", passage), "and scrolled into view");
        assertTrue(browser.find(".claim-card.shown").getAttribute("data-claim").equals(iri), "its card is shown");
        browser.viewportScreenshot("reader-from-search-en");
    }

    @Test
    void theLanguageSwitchTranslatesThePageAndStaysOnIt() {
        browser.language("en").go("/search?q=" + org.cmkg.testing.Http.enc("rare earth"));
        browser.find("[data-lang-switch]").click();
        browser.until(d -> "zh".equals(browser.script("return document.documentElement.lang")));
        assertTrue(browser.location().startsWith("/search?q=rare%20earth") || browser.location().startsWith("/search?q=rare+earth"),
                browser.location());
        Messages zh = Messages.of(UiLanguage.ZH);
        List<String> nav = browser.all("nav.site a").stream().map(WebElement::getText).toList();
        assertEquals(List.of(zh.get("nav.search"), zh.get("nav.papers"), zh.get("nav.query"), zh.get("nav.timeline"),
                zh.get("nav.disagreements"), zh.get("nav.ontology"), zh.get("nav.api")), nav);
        assertTrue(browser.find("#result-count").getText().contains("条结果"));
        assertEquals(zh.get("facet.claimKind"), browser.find("[data-facet=claimKind] h2").getText());
        browser.screenshot("search-rare-earth-zh");
        browser.go("/");
        browser.screenshot("home-zh");
        browser.find("[data-lang-switch]").click();
        browser.until(d -> "en".equals(browser.script("return document.documentElement.lang")));
        browser.screenshot("home-en");
    }

    @Test
    void badSyntaxShowsTheApisMessageAndNothingFoundSaysWhatToTry() {
        browser.language("en").go("/search?q=" + org.cmkg.testing.Http.enc("rare AND ("));
        assertTrue(browser.find(".notice.error .api-message").getText().length() > 10);
        browser.go("/search?q=zzzyzzy");
        assertTrue(browser.find(".empty").getText().contains("Nothing matched"));
        browser.screenshot("search-empty-en");
    }

    private int total() {
        return Integer.parseInt(browser.find("#result-count").getText().replaceAll("^([\\d,]+).*", "$1").replace(",", ""));
    }
}
