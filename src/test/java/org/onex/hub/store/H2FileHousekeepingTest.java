package org.onex.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's file stays close to its data (issue 13): with {@code WRITE_DELAY=0} every commit is a new
 * chunk and H2 runs no background compaction, so an append-and-delete load (records, outbox) leaves chunks that are
 * almost all dead yet never freed. {@link H2FileHousekeeping} rewrites them. The test runs with H2's retention time
 * at 0 so that freed chunks are reused within the test; the hub keeps H2's 45 s, after which the same happens.
 */
class H2FileHousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void housekeepingKeepsTheFileNearItsData() throws Exception {
        Churn without = churn("without", false);
        Churn with = churn("with", true);
        assertThat(with.rows()).isEqualTo(without.rows()).isEqualTo(ROWS);
        assertThat(with.fileBytes()).as("file with housekeeping (without: %s)", without)
                .isLessThan(without.fileBytes() / 3);
        assertThat(without.chunksFillRate()).as("live share of the chunks without housekeeping").isLessThan(20);
        assertThat(with.chunksFillRate()).as("live share of the chunks with housekeeping").isGreaterThan(30);
    }

    @Test
    void nothingToDoOnAnotherDatabase() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:housekeeping");
        H2FileHousekeeping hk = new H2FileHousekeeping(memory, Duration.ofSeconds(5), 80, 1 << 20, Duration.ofSeconds(1));
        hk.start();
        assertThat(hk.isRunning()).as("no file, no housekeeping thread").isFalse();
        assertThat(hk.round()).isZero();
    }

    private static final int ROWS = 10_000;

    record Churn(long fileBytes, int chunksFillRate, long rows) {
    }

    private Churn churn(String name, boolean housekeeping) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0");
        H2FileHousekeeping hk = new H2FileHousekeeping(ds, Duration.ofSeconds(5), 80, 1 << 20, Duration.ofMillis(300));
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t(id bigint auto_increment primary key, k varchar(40), payload varchar(400))");
                s.execute("create index t_k on t(k)");
                s.execute("create table o(id bigint auto_increment primary key, payload varchar(400))");
            }
            MVStore store = H2FileHousekeeping.mvStore(c);
            try (PreparedStatement ins = c.prepareStatement("insert into t(k, payload) values (?, ?)");
                    PreparedStatement out = c.prepareStatement("insert into o(payload) values (?)");
                    PreparedStatement del = c.prepareStatement("delete from o where id < ?")) {
                for (int i = 0; i < ROWS; i++) {
                    ins.setString(1, "key-" + (i * 7919L % 100_000));
                    ins.setString(2, "x".repeat(300) + i);
                    ins.executeUpdate();
                    out.setString(1, "y".repeat(200) + i);
                    out.executeUpdate();
                    if (i % 50 == 0) {
                        del.setLong(1, i - 100);
                        del.executeUpdate();
                    }
                    if (housekeeping && i % 500 == 0) {
                        hk.round();
                    }
                }
            }
            long rows;
            try (Statement s = c.createStatement(); var rs = s.executeQuery("select count(*) from t")) {
                rs.next();
                rows = rs.getLong(1);
            }
            return new Churn(store.getFileStore().size(), store.getFileStore().getChunksFillRate(), rows);
        }
    }
}
