package org.cmkg.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.cmkg.observe.WarmUpRequests;

/**
 * The search's meters, for every search (the API's and the search page's): {@value #QUERIES} by
 * language searched ({@code zh}, {@code en}, {@code both}) and whether anything was found
 * ({@code hits}: {@code some}, {@code none}), and {@value #HITS}, the distribution of the number of
 * results a search found ({@code total}). The server's own warm-up searches ({@link WarmUpRequests})
 * are not counted.
 */
final class SearchMetrics {
    static final String QUERIES = "cmkg.search.queries";
    static final String HITS = "cmkg.search.hits";

    private final MeterRegistry registry;
    private final DistributionSummary hits;

    SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.hits = DistributionSummary.builder(HITS).description("Results found per search (its total)")
                .serviceLevelObjectives(1, 10, 100, 1_000, 10_000).register(registry);
    }

    SearchResponse counted(SearchResponse response) {
        if (WarmUpRequests.current())
            return response;
        Counter.builder(QUERIES).description("Searches by language and whether they found anything")
                .tag("lang", response.lang() == null ? "both" : response.lang())
                .tag("hits", response.total() > 0 ? "some" : "none")
                .register(registry).increment();
        hits.record(response.total());
        return response;
    }
}
