package org.cmkg.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.cmkg.generate.EntityCatalogue.Measure;

/**
 * A drawn quantity: a value in base units (or a range), a qualifier, and the number written the
 * way the papers print it ({@code 约24万吨}, {@code 37%}, {@code 5−10年}) with an English rendering.
 *
 * @param measure   what is measured
 * @param value     the value in base units, or null for a range
 * @param min       range minimum, or null
 * @param max       range maximum, or null
 * @param qualifier local name of the cmkg qualifier (Approximately, MoreThan…)
 * @param zh        the number as printed in Chinese
 * @param en        the number in English
 */
record QuantityDraw(Measure measure, BigDecimal value, BigDecimal min, BigDecimal max, String qualifier, String zh, String en) {

    private static final String[][] QUALIFIERS = {
            // local name, Chinese, English
            {"Exactly", "", ""},
            {"Approximately", "约", "about "},
            {"MoreThan", "超过", "more than "},
            {"Nearly", "近", "nearly "},
            {"Reaching", "达", ""},
            {"LessThan", "不足", "less than "},
            {"UpTo", "可达", "up to "},
    };

    boolean isRange() {
        return value == null;
    }

    /** A single value of the measure, with a qualifier. */
    static QuantityDraw single(Measure m, SplittableRandom random) {
        BigDecimal v = draw(m, random);
        if ("UNITLESS".equals(m.unit())) {
            boolean top = random.nextBoolean();
            String n = v.toPlainString();
            return new QuantityDraw(m, v, null, null, top ? "AtMost" : "Exactly",
                    top ? "前" + n + "位" : "第" + n + "位", top ? "within the top " + n : "number " + n);
        }
        String[] q = QUALIFIERS[random.nextInt(QUALIFIERS.length)];
        return new QuantityDraw(m, v, null, null, q[0], q[1] + zh(m, v), q[2] + en(m, v));
    }

    /** A range of the measure ({@code 5−10年}): no numeric value, a minimum and a maximum. */
    static QuantityDraw range(Measure m, SplittableRandom random) {
        BigDecimal a = draw(m, random);
        BigDecimal b = draw(m, random);
        if (a.compareTo(b) == 0)
            b = a.add(BigDecimal.ONE);
        BigDecimal lo = a.min(b);
        BigDecimal hi = a.max(b);
        return new QuantityDraw(m, null, lo, hi, "Exactly",
                number(lo) + "\u2212" + zh(m, hi), number(lo) + " to " + en(m, hi));
    }

    /** A value between the measure's bounds with two significant digits (or an integer for counts). */
    private static BigDecimal draw(Measure m, SplittableRandom random) {
        double logMin = StrictMath.log10(m.min());
        double logMax = StrictMath.log10(m.max());
        double x = StrictMath.pow(10, logMin + random.nextDouble() * (logMax - logMin));
        BigDecimal v = new BigDecimal(x).round(new java.math.MathContext(2, RoundingMode.HALF_EVEN));
        if (switch (m.unit()) { case "YR", "NUM", "UNITLESS", "TONNE", "TONNE-PER-YR", "CCY_USD" -> true; default -> false; })
            v = v.setScale(0, RoundingMode.HALF_EVEN).max(BigDecimal.ONE);
        return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    private static String zh(Measure m, BigDecimal v) {
        return switch (m.unit()) {
            case "TONNE", "TONNE-PER-YR" -> scaledZh(v) + "吨";
            case "CCY_USD" -> scaledZh(v) + "美元";
            case "PERCENT" -> number(v) + "%";
            default -> number(v) + m.unitZh();
        };
    }

    private static String en(Measure m, BigDecimal v) {
        return switch (m.unit()) {
            case "CCY_USD" -> "US$" + String.format(java.util.Locale.ROOT, "%,d", v.longValue());
            case "PERCENT" -> number(v) + " per cent";
            case "TONNE", "TONNE-PER-YR" -> String.format(java.util.Locale.ROOT, "%,d", v.longValue()) + " " + m.unitEn();
            default -> number(v) + " " + m.unitEn();
        };
    }

    /** 240000 → 24万, 500000000000 → 5000亿, as the papers write large numbers. */
    private static String scaledZh(BigDecimal v) {
        BigDecimal yi = new BigDecimal("100000000");
        BigDecimal wan = new BigDecimal("10000");
        if (v.compareTo(yi) >= 0)
            return number(v.divide(yi)) + "亿";
        if (v.compareTo(wan) >= 0)
            return number(v.divide(wan)) + "万";
        return number(v);
    }

    static String number(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
