package org.cmkg.sparql;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Rewrites a query so that its REGEX and REPLACE calls match over {@link CancellableText}: the
 * parser builds ARQ's own expressions, which match over a plain string and cannot be stopped;
 * this swaps each for a subclass that evaluates the same way but cancellably.
 */
final class CancellableExprs {

    private CancellableExprs() {}

    /** The query with every REGEX and REPLACE (in patterns, projections, ordering, sub-queries) cancellable. */
    static Query rewrite(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new Rewrite());
    }

    private static final class Rewrite extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof Regex))
                return new Regex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
            if (func instanceof E_StrReplace && !(func instanceof Replace))
                return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            return super.transform(func, args);
        }
    }

    /** A pattern given as constants, compiled once; null when it is computed per row (or invalid). */
    private static Pattern constantPattern(String label, Expr pattern, Expr flags) {
        if (!pattern.isConstant() || (flags != null && !flags.isConstant()))
            return null;
        try {
            return CancellableRegex.pattern(label, pattern.getConstant(), flags == null ? null : flags.getConstant());
        } catch (ExprEvalException e) {
            return null; // reported per row, as ARQ does
        }
    }

    /** REGEX(text, pattern, flags?), cancellable. */
    static final class Regex extends E_Regex {
        private final Pattern constant;

        Regex(Expr text, Expr pattern, Expr flags) {
            super(text, pattern, flags);
            this.constant = constantPattern("REGEX", pattern, flags);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            return CancellableRegex.matches(args.get(0), CancellableRegex.patternOf(constant, args, 1, 2, "REGEX"), env);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Regex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null);
        }
    }

    /** REPLACE(text, pattern, replacement, flags?), cancellable. */
    static final class Replace extends E_StrReplace {
        private final Pattern constant;

        Replace(Expr text, Expr pattern, Expr replacement, Expr flags) {
            super(text, pattern, replacement, flags);
            this.constant = constantPattern("REPLACE", pattern, flags);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            return CancellableRegex.replace(args.get(0), CancellableRegex.patternOf(constant, args, 1, 3, "REPLACE"),
                    args.get(2), env);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs.get(0), newArgs.get(1), newArgs.get(2), newArgs.size() > 3 ? newArgs.get(3) : null);
        }
    }
}
