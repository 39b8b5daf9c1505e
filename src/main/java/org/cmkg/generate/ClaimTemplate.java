package org.cmkg.generate;

import java.util.List;
import java.util.Map;

/**
 * The shape of one kind of synthetic claim: its kind, its label and statement in both languages
 * with slots ({@code {C}} country, {@code {C2}} a second country, {@code {M}} material, {@code {S}}
 * stage, {@code {X}} sector, {@code {T}} topic, {@code {O}} organisation, {@code {TECH}}
 * technology, {@code {K}} constraint, {@code {SITE}} site, {@code {EVT}} event, {@code {MEAS}}
 * measure, {@code {Q}} quantity as printed, {@code {Y}} year, {@code {Y2}} future year, {@code {D}}
 * date), and what else it carries: a quantity (of a fixed measure, or of any measure when
 * {@code measureKey} is null), a time horizon, a cited organisation, a dated event, a constraint.
 */
record ClaimTemplate(String kind, String labelZh, String labelEn, String statementZh, String statementEn,
                     Quantity quantity, String measureKey, String timeHorizon, boolean citesOrganisation,
                     boolean datesEvent, boolean aboutConstraint) {

    enum Quantity { NONE, SINGLE, RANGE }

    /** The templates, in the order their index is drawn. */
    static final List<ClaimTemplate> ALL = List.of(
            new ClaimTemplate("Fact", "{Y}年{C}{M}{MEAS}", "{C} {M} {MEAS}, {Y}",
                    "{Y}年，{C}{M}{MEAS}{Q}。", "In {Y}, {C}'s {M} {MEAS} stood at {Q}.",
                    Quantity.SINGLE, null, null, false, false, false),
            new ClaimTemplate("Estimate", "{C}{M}{MEAS}估算", "Estimated {M} {MEAS} of {C}",
                    "据{O}估算，{C}{M}{MEAS}{Q}，{T}问题值得关注。",
                    "According to estimates by {O}, {C}'s {M} {MEAS} is {Q}, which makes {T} a concern.",
                    Quantity.SINGLE, null, null, true, false, false),
            new ClaimTemplate("Assessment", "{C}{M}{S}依赖进口", "{C} relies on imports for {M} {S}",
                    "{C}在{M}{S}环节高度依赖进口，{T}风险持续上升。",
                    "{C} depends heavily on imports at the {S} stage of {M}, and {T} risks keep rising.",
                    Quantity.NONE, null, null, false, false, false),
            new ClaimTemplate("Forecast", "{X}对{M}需求增长", "Growing {X} demand for {M}",
                    "预计到{Y2}年，{X}领域对{M}的需求将持续增长，{C}{S}产能短期内难以满足。",
                    "By {Y2}, demand for {M} from {X} is expected to keep growing, and {C}'s {S} capacity can hardly meet it in the short term.",
                    Quantity.NONE, null, "ShortTerm", false, false, false),
            new ClaimTemplate("Recommendation", "加快{TECH}技术攻关", "Accelerate research on {TECH}",
                    "应加快{TECH}技术攻关，提升{M}{S}能力，以保障{T}。",
                    "Research on {TECH} should be accelerated to strengthen {M} {S} capacity and safeguard {T}.",
                    Quantity.NONE, null, null, false, false, false),
            new ClaimTemplate("Fact", "{O}投资{M}项目", "Investment by {O}",
                    "{O}宣布在{SITE}投资建设{M}{S}项目，投资额{Q}。",
                    "{O} announced a {M} {S} project at the {SITE} with an investment of {Q}.",
                    Quantity.SINGLE, "investment", null, false, false, false),
            new ClaimTemplate("Assessment", "{C}与{C2}{M}合作受制约", "Constraints on {C}–{C2} {M} cooperation",
                    "{C}与{C2}在{M}领域的合作面临{K}等制约。",
                    "Cooperation between {C} and {C2} on {M} faces constraints such as {K}.",
                    Quantity.NONE, null, null, false, false, true),
            new ClaimTemplate("Estimate", "{C}{M}开发周期", "Lead time of {M} projects in {C}",
                    "{C}{M}资源从勘探到投产通常需要{Q}。",
                    "Bringing {C}'s {M} resources from exploration to production usually takes {Q}.",
                    Quantity.RANGE, "duration", null, false, false, false),
            new ClaimTemplate("Fact", "{EVT}的日期", "Date of the {EVT}",
                    "{D}，{EVT}。", "The {EVT} took place on {D}.",
                    Quantity.NONE, null, null, false, true, false),
            new ClaimTemplate("Assessment", "{M}价格波动影响{C}{S}企业", "{M} price swings squeeze {S} firms",
                    "{M}价格波动加剧，{C}{S}企业盈利承压，{X}产业链成本上升。",
                    "Sharper swings in {M} prices squeeze the margins of {C}'s {S} firms and raise costs along the {X} supply chain.",
                    Quantity.NONE, null, null, false, false, false),
            new ClaimTemplate("Forecast", "{C}{M}{S}长期前景", "Long-term outlook for {M} {S} in {C}",
                    "从长期看，{C}有望成为{M}{S}的重要来源，但需警惕{T}带来的冲击。",
                    "In the long term {C} may become an important source of {M} {S}, but the impact of {T} must be guarded against.",
                    Quantity.NONE, null, "LongTerm", false, false, false),
            new ClaimTemplate("Fact", "{C}对{M}实施出口管制", "{C} export controls on {M}",
                    "{Y}年，{C}对{M}实施出口管制，影响全球{X}供应链。",
                    "In {Y}, {C} imposed export controls on {M}, affecting the global {X} supply chain.",
                    Quantity.NONE, null, null, false, false, false),
            new ClaimTemplate("Fact", "{C}{M}{MEAS}居全球{Q}", "{C} ranks {Q} in {M} {MEAS}",
                    "据{O}统计，{C}{M}{MEAS}居全球{Q}，是{X}产业的重要供应国。",
                    "According to {O}, {C} ranks {Q} in the world in {M} {MEAS} and is an important supplier to the {X} industry.",
                    Quantity.SINGLE, "world-rank", null, true, false, false));

    /** The template with its slots filled from {@code values} (slot name → text). */
    static String fill(String pattern, Map<String, String> values) {
        StringBuilder sb = new StringBuilder(pattern.length() + 64);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close < 0) {
                sb.append(c);
                i++;
                continue;
            }
            String slot = pattern.substring(i + 1, close);
            String value = values.get(slot);
            if (value == null)
                throw new IllegalStateException("No value for slot {" + slot + "} in: " + pattern);
            sb.append(value);
            i = close + 1;
        }
        return sb.toString();
    }
}
