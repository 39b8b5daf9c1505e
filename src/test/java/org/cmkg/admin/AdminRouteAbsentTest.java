package org.cmkg.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;

import org.cmkg.Application;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without an admin token the upload route does not exist at all. */
class AdminRouteAbsentTest {
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        app = Application.start(Fixture.config());
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void postingToTheAdminRouteIs404EvenWithAToken() {
        HttpResponse<String> r = http.post(AdminModule.PATH + "?name=x.ttl", "text/turtle", "<urn:a> <urn:b> <urn:c> .",
                "Authorization", "Bearer some-token-that-looks-right");
        assertEquals(404, r.statusCode(), r.body());
        assertEquals("Not Found", Http.json(r).get("error").getAsString());
        assertFalse(http.get("/api").body().contains(AdminModule.PATH), "the API page does not list it");
    }
}
