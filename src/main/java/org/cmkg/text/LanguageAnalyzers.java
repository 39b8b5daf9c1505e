package org.cmkg.text;

import java.util.List;

import org.apache.jena.query.text.analyzer.Util;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the text index, and the one place that registers them with jena-text's
 * JVM-wide analyzer registry ({@link Util}), at start-up before the index is created.
 *
 * <ul>
 * <li>{@code zh}: Lucene smartcn word segmentation. It finds words, but it segments a short
 *     query differently from the same characters in a sentence: {@code 电场} alone becomes
 *     {@code 电|场}, while {@code 电场作用} keeps {@code 电场}; {@code 钕铁硼} is one word, so
 *     {@code 钕} alone is not found.</li>
 * <li>{@code zhbi}: an auxiliary field for every {@code @zh} literal with overlapping character
 *     bigrams plus single characters (queried with bigrams only, as a phrase), so any run of
 *     two or more characters inside a longer compound is found ({@code 稀土} in
 *     {@code 梁山稀土产业园}) and single characters ({@code 钕}) too.</li>
 * <li>{@code en}: Lucene's English analyzer (possessives, stop words, Porter stemming).</li>
 * <li>untagged literals: {@link #generic()}, CJK bigrams and English stemming together.</li>
 * </ul>
 */
public final class LanguageAnalyzers {
    /** Analysis tag of the Chinese bigram field: {@code statement_zhbi}. */
    public static final String ZH_BIGRAM = "zhbi";
    public static final String ZH = "zh";
    public static final String EN = "en";

    private static final int HAN = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
            | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

    private static final Analyzer CHINESE = new SmartChineseAnalyzer();
    private static final Analyzer CHINESE_BIGRAM_INDEX = cjkBigrams(true);
    private static final Analyzer CHINESE_BIGRAM_QUERY = cjkBigrams(false);
    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final Analyzer GENERIC = generic();

    private static boolean registered;

    private LanguageAnalyzers() {}

    /**
     * Registers our analyzers with jena-text, once per JVM. jena-text keeps them in static
     * tables and reads them when an index is created, so this must run before
     * {@code new TextIndexLucene(...)}; {@link TextIndexFactory} calls it.
     */
    public static synchronized void registerWithJenaText() {
        if (registered)
            return;
        Util.addAnalyzer(ZH, CHINESE);
        Util.addAnalyzer(EN, ENGLISH);
        Util.addAnalyzer(ZH_BIGRAM, CHINESE_BIGRAM_QUERY);
        Util.addIndexAnalyzer(ZH_BIGRAM, CHINESE_BIGRAM_INDEX);
        Util.addAuxIndexes(ZH, List.of(ZH_BIGRAM));
        registered = true;
    }

    /** Whether {@code text} is one or more Han characters and nothing else (a Chinese word as smartcn indexes it). */
    public static boolean isHanWord(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * Loads smartcn's dictionaries (a few hundred milliseconds, on first use) on a background
     * thread, so that start-up does it while Jena initialises instead of during loading.
     */
    public static void warmUpInBackground() {
        Thread warm = new Thread(() -> {
            try (TokenStream ts = CHINESE.tokenStream("warm-up", "稀土产业")) {
                ts.reset();
                while (ts.incrementToken()) {
                    // consume
                }
                ts.end();
            } catch (java.io.IOException e) {
                // Only a warm-up: real use reports its own errors.
            }
        }, "cmkg-smartcn-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** The analyzer of the generic fields (literals without a language tag, queries without one). */
    public static Analyzer genericAnalyzer() {
        return GENERIC;
    }

    /** The query analyzer of a language-analysis tag ({@code zh}, {@code zhbi}, {@code en}). */
    public static Analyzer forTag(String tag) {
        return switch (tag) {
            case ZH -> CHINESE;
            case ZH_BIGRAM -> CHINESE_BIGRAM_QUERY;
            case EN -> ENGLISH;
            default -> GENERIC;
        };
    }

    private static Analyzer cjkBigrams(boolean withUnigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream, HAN, withUnigrams);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }

    private static Analyzer generic() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new EnglishPossessiveFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream, HAN, false);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }
}
