package org.portal.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * A single OpenSearch node built from the Maven Central artifacts: the server jar plus the
 * modules of a stock distribution, loaded as classpath plugins (as the OpenSearch test
 * framework's MockNode does). No security plugin, plain HTTP on 127.0.0.1.
 *
 * Usage: java -cp ... org.portal.opensearch.PortalOpenSearchNode HOME [-Ekey=value ...]
 * HOME holds data/, logs/ and config/ (config/opensearch.yml is read if present).
 */
public final class PortalOpenSearchNode {

    /** Modules of the stock distribution that are published to Maven Central, plus our Polish plugin. */
    private static final String[] PLUGINS = {
        "org.opensearch.transport.Netty4Plugin",
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "org.opensearch.painless.PainlessPlugin",
        "org.opensearch.script.mustache.MustachePlugin",
        "org.opensearch.index.mapper.MapperExtrasPlugin",
        "org.opensearch.index.reindex.ReindexPlugin",
        "org.opensearch.join.ParentJoinPlugin",
        "org.opensearch.percolator.PercolatorPlugin",
        "org.opensearch.search.aggregations.matrix.MatrixAggregationPlugin",
        "org.opensearch.index.rankeval.RankEvalPlugin",
        "org.portal.opensearch.PolishAnalysisPlugin",
    };

    /** Node with an explicit list of classpath plugins (the constructor is protected). */
    static final class ClasspathPluginsNode extends Node {
        ClasspathPluginsNode(Environment env, List<Class<? extends Plugin>> plugins) {
            super(env, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PortalOpenSearchNode HOME [-Ekey=value ...]");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath().normalize();
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        Settings.Builder builder = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "portal-dev")
            .put("node.name", "portal-node-1")
            .put("network.host", "127.0.0.1")
            .put("http.port", "9200")
            .put("transport.port", "9300-9399")
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        // cluster.default_number_of_replicas=0 is only honoured as a persistent cluster setting
        // (not as a node setting), so start.sh sets it through the REST API.
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-E") || a.indexOf('=') < 0) {
                System.err.println("bad argument (want -Ekey=value): " + a);
                System.exit(2);
            }
            int eq = a.indexOf('=');
            builder.put(a.substring(2, eq), a.substring(eq + 1));
        }
        Settings settings = builder.build();

        LogConfigurator.registerErrorListener();
        Environment env = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), config, () -> settings.get("node.name"));
        LogConfigurator.setNodeName(env.settings().get("node.name"));
        if (Files.exists(config.resolve("log4j2.properties"))) {
            LogConfigurator.configure(env);
        } else {
            LogConfigurator.configureWithoutConfig(env.settings());
        }

        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        for (String name : PLUGINS) {
            plugins.add(Class.forName(name).asSubclass(Plugin.class));
        }

        final Node node;
        try {
            node = new ClasspathPluginsNode(env, plugins);
        } catch (Throwable t) {
            System.err.println("OpenSearch node could not be created: " + t);
            t.printStackTrace();
            System.exit(1);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "portal-opensearch-shutdown"));
        try {
            node.start();
        } catch (Throwable t) {
            System.err.println("OpenSearch node failed to start: " + t);
            t.printStackTrace();
            System.exit(1);
        }
        System.out.println("PORTAL-OPENSEARCH-STARTED http port " + env.settings().get("http.port"));
        stopped.await();
    }
}
