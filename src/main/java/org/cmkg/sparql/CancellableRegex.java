package org.cmkg.sparql;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * REGEX and REPLACE as ARQ evaluates them (the same flags, the same handling of empty matches),
 * but matching over {@link CancellableText}, so that a query's timeout stops a regular
 * expression in the middle of its backtracking.
 */
final class CancellableRegex {
    private static final AtomicBoolean NEVER = new AtomicBoolean(false);

    private CancellableRegex() {}

    /** The pattern of REGEX or REPLACE, compiled as ARQ compiles it. */
    static Pattern pattern(String label, NodeValue pattern, NodeValue flags) {
        String patternText = NodeValueOps.checkAndGetStringLiteral(label, pattern).getLiteralLexicalForm();
        String flagText = flags == null ? null : NodeValueOps.checkAndGetStringLiteral(label, flags).getLiteralLexicalForm();
        return RegexEngine.makePattern(label, patternText, flagText);
    }

    /** REGEX(text, pattern): whether the pattern occurs in the text. */
    static NodeValue matches(NodeValue text, Pattern pattern, FunctionEnv env) {
        Node literal = NodeValueOps.checkAndGetStringLiteral("REGEX", text);
        try {
            boolean found = pattern.matcher(new CancellableText(literal.getLiteralLexicalForm(), cancelSignal(env))).find();
            return NodeValue.booleanReturn(found);
        } catch (StackOverflowError e) {
            throw tooDeep("REGEX", literal);
        }
    }

    /** REPLACE(text, pattern, replacement): every non-empty match (or one empty one) replaced. */
    static NodeValue replace(NodeValue text, Pattern pattern, NodeValue replacement, FunctionEnv env) {
        Node literal = NodeValueOps.checkAndGetStringLiteral("REPLACE", text);
        String replacementText = NodeValueOps.checkAndGetStringLiteral("REPLACE", replacement).getLiteralLexicalForm();
        String lexical = literal.getLiteralLexicalForm();
        Matcher matcher = pattern.matcher(new CancellableText(lexical, cancelSignal(env)));
        StringBuilder out = null;
        try {
            while (matcher.find()) {
                if (out == null)
                    out = new StringBuilder();
                else if (matcher.start() == matcher.end())
                    continue;
                matcher.appendReplacement(out, replacementText);
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ExprEvalException("REPLACE: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw tooDeep("REPLACE", literal);
        }
        if (out == null)
            return text;
        matcher.appendTail(out);
        String result = out.toString();
        if (result.equals(lexical))
            return text;
        return NodeValue.makeNode(NodeFactory.createLiteral(result, literal.getLiteralLanguage(), literal.getLiteralDatatype()));
    }

    /**
     * java.util.regex recurses once per repetition of some patterns ({@code (a|aa)+}): on a long
     * string it runs out of stack. That is an evaluation error of this row, as an invalid pattern is.
     */
    private static ExprEvalException tooDeep(String function, Node literal) {
        return new ExprEvalException(function + ": the pattern repeats too deeply over a string of "
                + literal.getLiteralLexicalForm().length() + " characters");
    }

    /** The cancel signal of the query being evaluated (set by its timeout), or one that never fires. */
    static AtomicBoolean cancelSignal(FunctionEnv env) {
        AtomicBoolean signal = null;
        if (env instanceof ExecutionContext context)
            signal = context.getCancelSignal();
        if (signal == null && env != null)
            signal = Context.getCancelSignal(env.getContext());
        return signal == null ? NEVER : signal;
    }

    /** The arguments' pattern, or the one compiled once when it was constant. */
    static Pattern patternOf(Pattern constant, List<NodeValue> args, int patternIndex, int flagsIndex, String label) {
        if (constant != null)
            return constant;
        return pattern(label, args.get(patternIndex), args.size() > flagsIndex ? args.get(flagsIndex) : null);
    }
}
