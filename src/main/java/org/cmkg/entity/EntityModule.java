package org.cmkg.entity;

import java.util.List;

import io.javalin.config.RoutesConfig;

import org.cmkg.error.BadRequestException;
import org.cmkg.http.EndpointDoc;
import org.cmkg.http.RouteModule;

/** {@code GET /api/entity?iri=…}: one resource as JSON (404 when the data does not describe it). */
public final class EntityModule implements RouteModule {
    public static final String PATH = "/api/entity";

    private final EntityService service;

    public EntityModule(EntityService service) {
        this.service = service;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.json(service.describe(ctx.queryParamAsClass("iri", String.class)
                .check(iri -> iri != null && !iri.isBlank(), "Parameter iri is required")
                .getOrThrow(errors -> new BadRequestException("Parameter iri is required, e.g. iri=id:country/ukraine.")))));
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(new EndpointDoc("GET", PATH,
                "An entity or claim as JSON: labels, types, statements, links out, and the claims about it with "
                        + "their quotes, numbers with units, source document and section. iri = a full IRI or id:…",
                PATH + "?iri=https%3A%2F%2Fw3id.org%2Fcmkg%2Fid%2Fcountry%2Fukraine"));
    }
}
