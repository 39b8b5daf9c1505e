package org.cmkg.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;

/** The test fixture (src/test/resources/fixture): a few entities, claims and quotes in the guide's shape. */
public final class Fixture {
    public static final String ID = "https://w3id.org/cmkg/id/";
    public static final String CMKG = "https://w3id.org/cmkg/ontology#";
    public static final String GRAPH = "https://w3id.org/cmkg/graph/";

    private Fixture() {}

    /** A folder of the fixture as a path. */
    public static Path folder(String name) {
        URL url = Fixture.class.getClassLoader().getResource("fixture/" + name);
        if (url == null)
            throw new IllegalStateException("fixture folder missing: " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Defaults, but on a free port, bound to loopback, with the fixture data. */
    public static ServerConfig config() {
        return ServerConfig.defaults()
                .withPort(0)
                .withHost("127.0.0.1")
                .withSources(List.of(new RdfLocation.Folder(folder("ontology")), new RdfLocation.Folder(folder("rdf-data"))));
    }
}
