package org.cmkg.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A browser test class's server and browser: the real data on a free port (maps without tiles, as
 * offline) and one headless Chromium for all the class's tests; after each test, a check that the
 * browser console had no error. Register it with
 * {@code @RegisterExtension static final BrowserSession session = new BrowserSession();}.
 */
public final class BrowserSession implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private TestServer server;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(RealData.config().withMapTiles(""));
        browser = Browser.open(server.http().base());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browser.assertNoConsoleErrors();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null)
                browser.close();
        } finally {
            if (server != null)
                server.close();
        }
    }

    public Browser browser() {
        return browser;
    }

    public TestServer server() {
        return server;
    }
}
