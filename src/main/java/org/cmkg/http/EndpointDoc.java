package org.cmkg.http;

/**
 * One line of the landing page: an endpoint, what it does, and an example request path
 * (relative to the server, e.g. {@code /api/search?q=稀土}).
 */
public record EndpointDoc(String method, String path, String description, String example) {}
