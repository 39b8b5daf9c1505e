package org.cmkg.web.workbench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptTest {

    @Test
    void browsersNavigatingPreferHtml() {
        assertTrue(Accept.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"));
        assertTrue(Accept.prefersHtml("text/html"));
    }

    @Test
    void sparqlClientsDoNot() {
        assertFalse(Accept.prefersHtml(null));
        assertFalse(Accept.prefersHtml("*/*"));
        assertFalse(Accept.prefersHtml("application/sparql-results+json"));
        assertFalse(Accept.prefersHtml("text/turtle"));
        assertFalse(Accept.prefersHtml("application/sparql-results+json, text/html;q=0.5"));
        assertFalse(Accept.prefersHtml("text/html;q=0"));
    }
}
