package graphservice.testing;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Test-only launcher: runs an embedded Neo4j Community DBMS in DATA_DIR with Bolt on
 * 127.0.0.1 (PORT if given, else an OS-chosen port; auth disabled), prints exactly one line "BOLT_PORT=<port>"
 * on stdout once the default database is available, and shuts down cleanly on stdin EOF
 * or SIGTERM. Everything else goes to stderr or DATA_DIR/logs.
 */
public final class Neo4jLauncher {
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Neo4jLauncher DATA_DIR [PORT]");
            System.exit(2);
        }
        // A fixed port lets fault tests restart the server where its clients expect it.
        int boltPort = args.length == 2 ? Integer.parseInt(args[1]) : 0;
        // Keep stdout for the single BOLT_PORT line; anything else printing to System.out goes to stderr.
        PrintStream portOut = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true);
        System.setOut(System.err);

        Path home = Path.of(args[0]).toAbsolutePath();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Benchmarks size the page cache to their graph with -Dneo4j.pagecache.mb; tests keep it small.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(Long.getLong("neo4j.pagecache.mb", 64)))
                // Tests rotate the transaction log early to stay small; benchmarks pass the server default (256).
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold,
                        ByteUnit.mebiBytes(Long.getLong("neo4j.logrotation.mb", 1)))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // Bolt waits 5 s per shutdown phase by default; tests want fast teardown.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            System.err.println("default database did not become available");
            System.exit(1);
        }
        int port = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        portOut.println("BOLT_PORT=" + port);
        portOut.flush();

        // Block until the parent closes our stdin (or dies); then exit, which runs the shutdown hook.
        while (System.in.read() != -1) {
            // ignore input
        }
        System.exit(0);
    }
}
