package org.cmkg.linkeddata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.javalin.http.Context;

import org.apache.jena.graph.Graph;
import org.cmkg.http.Vary;
import org.cmkg.web.i18n.Ui;

/**
 * Answers a request for an RDF document in the representation the client asked for: by the
 * path's suffix, else by {@code Accept} (then with {@code Vary: Accept} and a
 * {@code Content-Location} naming the suffix form), with {@code Link} headers to the
 * alternates. Shared by every module that serves RDF documents.
 */
public final class GraphResponder {
    private final RdfOutput rdf;
    private final ContentNegotiation negotiation = new ContentNegotiation();

    public GraphResponder(RdfOutput rdf) {
        this.rdf = rdf;
    }

    public RdfOutput rdf() {
        return rdf;
    }

    /** A requested document: its path without suffix, and the representation a suffix fixed, if any. */
    public record Target(String path, Optional<Representation> fixed) {
        public static Target negotiated(String path) {
            return new Target(path, Optional.empty());
        }
    }

    /** The representation to send for a target and request. */
    public Representation choose(Context ctx, Target target) {
        return target.fixed().orElseGet(() -> negotiation.choose(ctx.header("Accept")));
    }

    /** Writes the response; {@code html} is called only when HTML was chosen. */
    public void respond(Context ctx, Target target, Representation representation, Graph graph, Supplier<String> html) {
        if (target.fixed().isEmpty()) {
            Vary.add(ctx.res(), "Accept");
            ctx.header("Content-Location", target.path() + "." + representation.suffix());
        }
        ctx.header("Link", alternates(target.path()));
        ctx.contentType(representation.contentType());
        if (representation == Representation.HTML) {
            ctx.result(html.get().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        rdf.write(graph, representation, out);
        ctx.result(out.toByteArray());
    }

    /** A plain HTML page showing a graph as Turtle (for documents without a page of their own). */
    public String turtlePage(Ui ui, String title, String introduction, Graph graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rdf.write(graph, Representation.TURTLE, out);
        HtmlWriter w = new HtmlWriter().element("h1", title).element("p", introduction)
                .open("pre").text(out.toString(StandardCharsets.UTF_8)).close("pre");
        return PageLayout.page(ui, title, w.toString());
    }

    private static String alternates(String path) {
        return Arrays.stream(Representation.values())
                .map(r -> "<" + path + "." + r.suffix() + ">; rel=\"alternate\"; type=\"" + r.mediaType() + "\"")
                .collect(Collectors.joining(", "));
    }
}
