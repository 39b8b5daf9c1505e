package org.cmkg.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A query whose words have been looked up in every segment's terms dictionary once, for the
 * several searches one request runs with it (marking the matches, ranking them): Lucene looks
 * each term up again for every search otherwise, which with a word searched in fifteen fields
 * is a sizeable part of a search for a rare word. The result equals the query it was made from.
 */
final class TermsLookedUp {
    private TermsLookedUp() {}

    static Query of(IndexSearcher searcher, Query query) throws IOException {
        if (query instanceof TermQuery term)
            return new TermQuery(term.getTerm(), TermStates.build(searcher, term.getTerm(), true));
        if (query instanceof BoostQuery boost)
            return new BoostQuery(of(searcher, boost.getQuery()), boost.getBoost());
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder copy = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses())
                copy.add(of(searcher, clause.getQuery()), clause.getOccur());
            return copy.build();
        }
        if (query instanceof DisjunctionMaxQuery max) {
            List<Query> looked = new ArrayList<>();
            for (Query q : max.getDisjuncts())
                looked.add(of(searcher, q));
            return new DisjunctionMaxQuery(looked, max.getTieBreakerMultiplier());
        }
        return query;
    }
}
