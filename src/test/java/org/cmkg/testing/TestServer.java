package org.cmkg.testing;

import org.cmkg.Application;
import org.cmkg.config.ServerConfig;

/** A real server on a free port for one test class, with a client for it. */
public final class TestServer implements AutoCloseable {
    private final Application app;
    private final Http http;

    private TestServer(Application app) {
        this.app = app;
        this.http = new Http(app.port());
    }

    public static TestServer start(ServerConfig config) {
        return new TestServer(Application.start(config));
    }

    /** The fixture data on a free loopback port. */
    public static TestServer fixture() {
        return start(Fixture.config());
    }

    public Http http() {
        return http;
    }

    public Application app() {
        return app;
    }

    @Override
    public void close() {
        app.close();
    }
}
