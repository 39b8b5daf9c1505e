package org.cmkg.sparql;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextQueryPF;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.cmkg.text.LuceneSyntaxRules;
import org.cmkg.text.SubjectAndScoreOnly;

/**
 * jena-text's {@code text:query} with the search syntax rules of {@link LuceneSyntaxRules}
 * applied to its query string before the index sees it, whether the string is written in the
 * query or bound at run time: expensive or malformed Lucene syntax is a 400, as at
 * {@code /api/search}, instead of a long term enumeration or a 500. A pattern that binds only
 * subjects and scores tells the index so ({@link SubjectAndScoreOnly}), which then leaves the
 * hits' stored documents unread.
 */
final class GuardedTextQuery extends TextQueryPF {

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg argSubject, Node predicate, PropFuncArg argObject,
                              ExecutionContext execCxt) {
        String queryString = queryString(Substitute.substitute(argObject, binding));
        if (queryString != null)
            LuceneSyntaxRules.checkTextQuery(queryString);
        if (bindsSubjectAndScoreOnly(argSubject))
            return SubjectAndScoreOnly.during(() -> super.exec(binding, argSubject, predicate, argObject, execCxt));
        return super.exec(binding, argSubject, predicate, argObject, execCxt);
    }

    /** {@code ?s text:query ...} or {@code (?s ?score) text:query ...}: no literal, graph or property asked for. */
    private static boolean bindsSubjectAndScoreOnly(PropFuncArg subject) {
        return subject.isNode() || subject.getArgListSize() <= 2;
    }

    /** The query string: the object itself, or the first literal of the list (after an optional property). */
    private static String queryString(PropFuncArg object) {
        if (object.isNode())
            return object.getArg().isLiteral() ? object.getArg().getLiteralLexicalForm() : null;
        List<Node> args = object.getArgList();
        int at = !args.isEmpty() && args.get(0).isURI() ? 1 : 0;
        return at < args.size() && args.get(at).isLiteral() ? args.get(at).getLiteralLexicalForm() : null;
    }
}
