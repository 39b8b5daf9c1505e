package org.cmkg.observe;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.cmkg.error.ServletErrors;

/**
 * {@code GET /metrics} on a port of its own ({@code --metrics-port}): a small Jetty server with
 * its own few threads, so a scrape is answered even while the main port's threads are all busy,
 * and a firewall can keep the port private. Anything else on that port is a JSON 404.
 */
public final class MetricsServer implements AutoCloseable {
    private static final int THREADS = 4;

    private final Server server;

    private MetricsServer(Server server) {
        this.server = server;
    }

    /** Starts listening on {@code host:port} (0: a free port). */
    public static MetricsServer start(ServiceMetrics metrics, String host, int port) {
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 1);
        threads.setName("cmkg-metrics");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new ScrapeHandler(metrics));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start's failure is the one to report
            }
            throw new IllegalStateException("Cannot serve metrics on port " + port + ": " + e.getMessage(), e);
        }
        return new MetricsServer(server);
    }

    /** The port actually listened on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Stopping the metrics server failed", e);
        }
    }

    private static final class ScrapeHandler extends Handler.Abstract {
        private final ServiceMetrics metrics;

        ScrapeHandler(ServiceMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String id = RequestId.sane(request.getHeaders().get(RequestId.HEADER)).orElseGet(RequestId::generate);
            response.getHeaders().put(RequestId.HEADER, id);
            boolean get = HttpMethod.GET.is(request.getMethod());
            if (!MetricsFilter.PATH.equals(Request.getPathInContext(request)) || !(get || HttpMethod.HEAD.is(request.getMethod()))) {
                byte[] json = ServletErrors.body(HttpStatus.NOT_FOUND_404,
                        "This port serves only GET " + MetricsFilter.PATH + ".", id);
                response.setStatus(HttpStatus.NOT_FOUND_404);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
                response.write(true, ByteBuffer.wrap(json), callback);
                return true;
            }
            ServiceMetrics.Scrape scrape = metrics.scrape(request.getHeaders().get(HttpHeader.ACCEPT));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, scrape.contentType());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, scrape.body().length);
            response.write(true, get ? ByteBuffer.wrap(scrape.body()) : ByteBuffer.allocate(0), callback);
            return true;
        }
    }
}
