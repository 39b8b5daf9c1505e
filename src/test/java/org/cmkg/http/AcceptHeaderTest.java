package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void browsersNavigatingPreferHtml() {
        assertTrue(AcceptHeader.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"));
        assertTrue(AcceptHeader.prefersHtml("text/html"));
    }

    @Test
    void sparqlClientsDoNot() {
        assertFalse(AcceptHeader.prefersHtml(null));
        assertFalse(AcceptHeader.prefersHtml("*/*"));
        assertFalse(AcceptHeader.prefersHtml("application/sparql-results+json"));
        assertFalse(AcceptHeader.prefersHtml("text/turtle"));
        assertFalse(AcceptHeader.prefersHtml("application/sparql-results+json, text/html;q=0.5"));
        assertFalse(AcceptHeader.prefersHtml("text/html;q=0"));
    }
}
