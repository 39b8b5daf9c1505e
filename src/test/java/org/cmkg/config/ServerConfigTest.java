package org.cmkg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.cmkg.linkeddata.IriSpace;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaultsServeTheEmbeddedDataOnPort3030() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals(3030, config.port());
        assertEquals("https://w3id.org/cmkg/", config.baseIri());
        assertEquals(List.of(RdfLocation.EMBEDDED_ONTOLOGY, RdfLocation.EMBEDDED_DATA), config.sources());
        assertEquals(Duration.ofSeconds(30), config.queryTimeout());
        assertEquals(false, config.serviceAllowed());
        assertEquals("https://w3id.org/cmkg/graph/wang-2025", new IriSpace(config.baseIri()).graph("wang-2025"));
    }

    @Test
    void rejectsValuesThatCannotWork() {
        ServerConfig ok = ServerConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> ok.withPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> ok.withPort(-1));
        assertThrows(IllegalArgumentException.class, () -> ok.withBaseIri("w3id.org/cmkg/"));
        assertThrows(IllegalArgumentException.class, () -> ok.withBaseIri("https://w3id.org/cmkg"));
        assertThrows(IllegalArgumentException.class, () -> ok.withQueryTimeout(Duration.ZERO));
    }
}
