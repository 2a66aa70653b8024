package org.portal.opensearch;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.Analysis;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * The analysis-stempel plugin is not published to Maven Central, so this re-creates what it
 * registers from Lucene's lucene-analysis-stempel: the "polish" analyzer and the "polish_stem"
 * and "polish_stop" token filters (same names and options as the official plugin).
 */
public class PolishAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("polish_stem", PolishStemFilterFactory::new, "polish_stop", PolishStopFilterFactory::new);
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("polish", PolishAnalyzerProvider::new);
    }

    static final class PolishStemFilterFactory extends AbstractTokenFilterFactory {
        PolishStemFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
            super(indexSettings, name, settings);
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new StempelFilter(tokenStream, new StempelStemmer(PolishAnalyzer.getDefaultTable()));
        }
    }

    static final class PolishStopFilterFactory extends AbstractTokenFilterFactory {
        private final CharArraySet stopWords;

        PolishStopFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
            super(indexSettings, name, settings);
            this.stopWords = Analysis.parseWords(env, settings, "stopwords", PolishAnalyzer.getDefaultStopSet(),
                Map.of("_polish_", PolishAnalyzer.getDefaultStopSet()), settings.getAsBoolean("ignore_case", false));
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new StopFilter(tokenStream, stopWords);
        }
    }

    static final class PolishAnalyzerProvider extends AbstractIndexAnalyzerProvider<PolishAnalyzer> {
        private final PolishAnalyzer analyzer;

        PolishAnalyzerProvider(IndexSettings indexSettings, Environment env, String name, Settings settings) {
            super(indexSettings, name, settings);
            analyzer = new PolishAnalyzer(
                Analysis.parseStopWords(env, settings, PolishAnalyzer.getDefaultStopSet()),
                Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET));
        }

        @Override
        public PolishAnalyzer get() {
            return analyzer;
        }
    }
}
