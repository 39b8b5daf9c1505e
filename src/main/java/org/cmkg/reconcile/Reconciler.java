package org.cmkg.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores the candidates of a query. A name scores by its best-matching label or alternative
 * label: the same compact name 100 (a label) or 98 (an alternative); the name plus a generic
 * word (Donetsk → Donetsk Oblast, 顿涅茨克 → 顿涅茨克州) 95; a prefix, a contained or a containing
 * name between 45 and 90 by length ratio; otherwise bigram similarity (typos) up to 75. Property
 * constraints that match raise the score, those that contradict halve it. {@code match} is true
 * only for one candidate that is near-exact by name (≥ {@value #CONFIDENT}) and agrees with every
 * known property, when no other candidate is.
 */
final class Reconciler {
    static final double CONFIDENT = 94;
    private static final Set<String> GENERIC_WORDS = Set.of("oblast", "region", "province", "county", "state", "city",
            "district", "republic", "州", "省", "地区", "县", "市", "区");

    /** A scored candidate; {@code lang} is the language to name it in (the query's). */
    record Candidate(IndexedEntity entity, double score, double nameScore, boolean match, String lang) {}

    private final NameIndex index;
    private final TypeCatalog types;
    private final PropertyCatalog properties;

    Reconciler(NameIndex index, TypeCatalog types, PropertyCatalog properties) {
        this.index = index;
        this.types = types;
        this.properties = properties;
    }

    List<Candidate> reconcile(ReconQuery q) {
        String lang = Names.hasCjk(q.query()) ? "zh" : "en";
        List<PropertyCatalog.Constraint> constraints = properties.constraints(q.properties());
        Collection<Integer> pool = pool(q, constraints);
        List<TypeCatalog.Type> wanted = q.types().stream().map(types::resolve).flatMap(Optional::stream).toList();
        if (!q.types().isEmpty() && wanted.isEmpty() && !"should".equals(q.typeStrict()))
            return List.of();

        String qCompact = q.hasQuery() ? Names.compact(q.query()) : "";
        String qNorm = q.hasQuery() ? Names.normalize(q.query()) : "";
        List<Scored> scored = new ArrayList<>();
        for (int i : pool) {
            IndexedEntity e = index.get(i);
            double typeBonus = 0;
            if (!wanted.isEmpty()) {
                boolean ok = "all".equals(q.typeStrict()) ? wanted.stream().allMatch(t -> types.isA(e.classes(), t))
                        : wanted.stream().anyMatch(t -> types.isA(e.classes(), t));
                if (!ok && !"should".equals(q.typeStrict()))
                    continue;
                typeBonus = ok && "should".equals(q.typeStrict()) ? 2 : 0;
            }
            double name = q.hasQuery() ? nameScore(qCompact, qNorm, e) : 0;
            int agree = 0;
            int contradict = 0;
            for (PropertyCatalog.Constraint c : constraints) {
                Set<String> have = e.identifiers().getOrDefault(c.pid(), Set.of());
                if (c.values().stream().anyMatch(have::contains))
                    agree++;
                else if (!have.isEmpty())
                    contradict++;
            }
            double score = q.hasQuery() ? name : 0;
            if (!constraints.isEmpty()) {
                double agreement = 100.0 * agree / constraints.size();
                score = q.hasQuery() ? 0.75 * name + 0.25 * agreement : agreement;
            }
            score = Math.min(100, score * Math.pow(0.5, contradict) + typeBonus);
            if (score <= 0)
                continue;
            scored.add(new Scored(e, score, name, agree == constraints.size()));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> s.entity().label(lang).length()).thenComparing(s -> s.entity().id()));

        List<Scored> confident = scored.stream()
                .filter(s -> s.allAgree() && (q.hasQuery() ? s.name() >= CONFIDENT : !constraints.isEmpty()))
                .toList();
        List<Candidate> out = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(q.limit(), scored.size()))) {
            boolean match = confident.size() == 1 && confident.get(0) == s;
            out.add(new Candidate(s.entity(), Math.round(s.score() * 10) / 10.0, s.name(), match, lang));
        }
        return out;
    }

    private record Scored(IndexedEntity entity, double score, double name, boolean allAgree) {}

    private Collection<Integer> pool(ReconQuery q, List<PropertyCatalog.Constraint> constraints) {
        Set<Integer> pool = new LinkedHashSet<>();
        if (q.hasQuery())
            pool.addAll(index.candidates(Names.compact(q.query())));
        for (PropertyCatalog.Constraint c : constraints)
            c.values().forEach(v -> pool.addAll(index.withIdentifier(c.pid(), v)));
        return pool;
    }

    /** The best score of any of an entity's names. */
    static double nameScore(String qCompact, String qNorm, IndexedEntity e) {
        double best = 0;
        for (IndexedEntity.Name n : e.names())
            best = Math.max(best, nameScore(qCompact, qNorm, n));
        return best;
    }

    static double nameScore(String q, String qNorm, IndexedEntity.Name n) {
        String name = n.compact();
        if (name.equals(q))
            return n.primary() ? 100 : 98;
        if (name.startsWith(q) && GENERIC_WORDS.contains(name.substring(q.length()))
                && (Names.hasCjk(q) || n.normalized().startsWith(qNorm + " ")))
            return n.primary() ? 95 : 94;
        int qLen = q.codePointCount(0, q.length());
        int nLen = name.codePointCount(0, name.length());
        double ratio = (double) Math.min(qLen, nLen) / Math.max(qLen, nLen);
        if (qLen >= 2 || Names.hasCjk(q)) {
            if (name.startsWith(q))
                return 60 + 30 * ratio;
            if (name.contains(q))
                return 50 + 30 * ratio;
            // A name inside the query ("Donetsk Oblast region"); not a two-letter symbol inside a word.
            if (nLen >= 3 && 2 * nLen >= qLen && q.contains(name))
                return 45 + 30 * ratio;
        }
        return 75 * Names.dice(q, name);
    }
}
