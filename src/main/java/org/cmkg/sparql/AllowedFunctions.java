package org.cmkg.sparql;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * The functions the endpoint's queries may call: ARQ's registered libraries (SPARQL's own,
 * XSD casts, XPath {@code fn:} and {@code math:}, ARQ's {@code afn:}, the list and {@code apf:}
 * property functions, {@code text:query}), with three differences:
 * <ul>
 * <li>no {@code java:} IRIs, which would load any class on the classpath as a function;</li>
 * <li>the regular-expression functions ({@code fn:matches}, {@code fn:replace} and their
 * {@code sparql:} names) match cancellably, like REGEX and REPLACE ({@link CancellableRegex});
 * {@code apf:strSplit}, whose regular expression cannot be stopped, is not offered;</li>
 * <li>{@code text:query} applies the search syntax rules ({@link GuardedTextQuery}).</li>
 * </ul>
 * Both registries go into the endpoint's context, so they apply to its queries only.
 */
final class AllowedFunctions {
    static final String JAVA_SCHEME = "java:";
    private static final String FN = "http://www.w3.org/2005/xpath-functions#";
    private static final String SPARQL_FN = ARQConstants.sparqlPrefix;
    private static final Set<String> NOT_OFFERED_PROPERTY_FUNCTIONS = Set.of(
            ARQConstants.ARQPropertyFunctionLibraryURI + "strSplit",
            ARQConstants.ARQPropertyFunctionLibraryURI_Jena2 + "strSplit");

    private AllowedFunctions() {}

    /** Puts the endpoint's function registries into {@code context}. */
    static void install(Context context) {
        FunctionRegistry.set(context, new Functions(FunctionRegistry.get()));
        PropertyFunctionRegistry.set(context, new PropertyFunctions(PropertyFunctionRegistry.get()));
    }

    /** Whether an IRI names a Java class rather than a function of a library. */
    static boolean isJavaIri(String iri) {
        return iri != null && iri.toLowerCase(Locale.ROOT).startsWith(JAVA_SCHEME);
    }

    private static final class Functions extends FunctionRegistry {
        private final FunctionRegistry standard;
        private final Map<String, FunctionFactory> regexFunctions = Map.of(
                FN + "matches", uri -> new Matches(),
                SPARQL_FN + "regex", uri -> new Matches(),
                FN + "replace", uri -> new Replace(),
                SPARQL_FN + "replace", uri -> new Replace());

        Functions(FunctionRegistry standard) {
            this.standard = standard;
        }

        @Override
        public FunctionFactory get(String uri) {
            if (isJavaIri(uri))
                return null;
            FunctionFactory regex = regexFunctions.get(uri);
            // Functions registered later (by the libraries' own initialisation) are found too.
            return regex != null ? regex : standard.get(uri);
        }

        @Override
        public boolean isRegistered(String uri) {
            return !isJavaIri(uri) && (regexFunctions.containsKey(uri) || standard.isRegistered(uri));
        }

        @Override
        public Iterator<String> keys() {
            return standard.keys();
        }
    }

    private static final class PropertyFunctions extends PropertyFunctionRegistry {
        private final PropertyFunctionRegistry standard;

        PropertyFunctions(PropertyFunctionRegistry standard) {
            this.standard = standard;
        }

        @Override
        public boolean manages(String uri) {
            return offered(uri) && standard.manages(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            if (!offered(uri))
                return null;
            if (TextQuery.NS.concat("query").equals(uri))
                return u -> new GuardedTextQuery();
            return standard.get(uri);
        }

        @Override
        public boolean isRegistered(String uri) {
            return offered(uri) && standard.isRegistered(uri);
        }

        @Override
        public Iterator<String> keys() {
            return standard.keys();
        }

        private static boolean offered(String uri) {
            return !isJavaIri(uri) && !NOT_OFFERED_PROPERTY_FUNCTIONS.contains(uri);
        }
    }

    /** {@code fn:matches(text, pattern, flags?)}, cancellable. */
    private static final class Matches extends FunctionBase {
        @Override
        public void checkBuild(String uri, ExprList args) {
            checkArgs("matches", args, 2, 3);
        }

        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            return CancellableRegex.matches(args.get(0), CancellableRegex.patternOf(null, args, 1, 2, "matches"), env);
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return exec(args, null);
        }
    }

    /** {@code fn:replace(text, pattern, replacement, flags?)}, cancellable. */
    private static final class Replace extends FunctionBase {
        @Override
        public void checkBuild(String uri, ExprList args) {
            checkArgs("replace", args, 3, 4);
        }

        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            return CancellableRegex.replace(args.get(0), CancellableRegex.patternOf(null, args, 1, 3, "replace"),
                    args.get(2), env);
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return exec(args, null);
        }
    }

    private static void checkArgs(String name, ExprList args, int min, int max) {
        if (args.size() < min || args.size() > max)
            throw new org.apache.jena.query.QueryBuildException(name + ": wrong number of arguments: " + args.size()
                    + " (wanted " + min + (min == max ? "" : " to " + max) + ")");
    }
}
