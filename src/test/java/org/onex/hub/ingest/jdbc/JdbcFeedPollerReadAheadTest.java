package org.onex.hub.ingest.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.ingest.FeedPoller;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.ReadAhead;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.store.WatermarkStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 18, pipelining: a jdbc source reads and maps its next page while the current batch is written, and uses
 * that page only if the current batch committed its cursor. A batch that rolled back is read again from the stored
 * cursor, never skipped (DESIGN.md: the cursor moves with the data, in one transaction). The source table has the
 * column names a county system has (许可编号, 更新时间) and keys in its own format.
 */
class JdbcFeedPollerReadAheadTest {

    private static final String DEPARTMENT = "scjgj";
    private static final String FEED = "licences";

    private SingleConnectionDataSource source;
    private SingleConnectionDataSource store;
    private WatermarkStore watermarks;
    private DefaultCamelContext camel;
    private JdbcFeedPoller poller;
    /** Batches the read-ahead mapped (the test's stand-in for IngestService.prepare marks them). */
    private final AtomicInteger prepared = new AtomicInteger();

    @BeforeEach
    void setUp() throws SQLException {
        source = new SingleConnectionDataSource("jdbc:h2:mem:read-ahead-source;DB_CLOSE_DELAY=-1", "sa", "", true);
        store = new SingleConnectionDataSource("jdbc:h2:mem:read-ahead-store;DB_CLOSE_DELAY=-1", "sa", "", true);
        exec(source, "CREATE TABLE 行政许可 (许可编号 VARCHAR(64) PRIMARY KEY, 更新时间 TIMESTAMP NOT NULL,"
                + " 许可内容 VARCHAR(200))");
        for (int i = 1; i <= 5; i++) {
            exec(source, "INSERT INTO 行政许可 VALUES ('武市监许〔2026〕" + i + "号', TIMESTAMP '2026-11-0" + i
                    + " 09:30:00', '食品经营许可 第" + i + "次')");
        }
        exec(store, "CREATE TABLE hub_watermark (department VARCHAR(32) NOT NULL, feed VARCHAR(64) NOT NULL,"
                + " cursor_json TEXT NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                + " PRIMARY KEY (department, feed))");
        watermarks = new WatermarkStore(new JdbcTemplate(store));
        camel = new DefaultCamelContext();
        ReadAhead readAhead = new ReadAhead(null) {
            @Override
            public IngestBatch prepare(IngestBatch batch) {
                prepared.incrementAndGet();
                return batch.withChannel("read-ahead");
            }
        };
        JdbcFeedSpec spec = JdbcFeedSpec.of(DEPARTMENT, FEED, "scjgj", "行政许可", null, "更新时间", "许可编号", 2,
                Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1), 50);
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);
        poller = new JdbcFeedPoller(spec, source, watermarks, clock, p -> "", readAhead).checkNames();
    }

    @AfterEach
    void tearDown() throws Exception {
        poller.stop();
        camel.close();
        exec(source, "DROP ALL OBJECTS");
        exec(store, "DROP ALL OBJECTS");
        source.destroy();
        store.destroy();
    }

    @Test
    void aBatchThatDidNotCommitIsReadAgainAndThePageReadAheadIsDropped() {
        Exchange poll = new DefaultExchange(camel);
        IngestBatch first = next(poll);
        assertThat(keys(first)).containsExactly("武市监许〔2026〕1号", "武市监许〔2026〕2号");
        assertThat(poll.getProperty(FeedPoller.MORE, Boolean.class)).isTrue();

        // the transaction of the first batch rolled back: the cursor did not move
        IngestBatch again = next(new DefaultExchange(camel));
        assertThat(keys(again)).containsExactly("武市监许〔2026〕1号", "武市监许〔2026〕2号");
        assertThat(again.channel()).as("read from the stored cursor, not taken from the read-ahead").isNull();
    }

    @Test
    void theNextPageReadAheadIsUsedOnceTheBatchCommittedItsCursor() {
        Exchange poll = new DefaultExchange(camel);
        IngestBatch first = next(poll);
        commit(first);
        IngestBatch second = next(poll);
        assertThat(keys(second)).containsExactly("武市监许〔2026〕3号", "武市监许〔2026〕4号");
        assertThat(second.channel()).as("read and mapped ahead").isEqualTo("read-ahead");
        commit(second);
        IngestBatch third = next(poll);
        assertThat(keys(third)).containsExactly("武市监许〔2026〕5号");
        assertThat(poll.getProperty(FeedPoller.MORE, Boolean.class)).as("a short page: nothing more for now").isFalse();
        commit(third);
        assertThat(next(new DefaultExchange(camel))).isNull();
        assertThat(prepared).hasValue(2);
    }

    @Test
    void aCursorMovedByAnotherWriterWinsOverThePageReadAhead() {
        Exchange poll = new DefaultExchange(camel);
        IngestBatch first = next(poll);
        // another node (or an operator's reset) stored a cursor past the fourth row meanwhile
        watermarks.save(DEPARTMENT, FEED, JdbcCursor.initial()
                .advanced(java.time.LocalDateTime.parse("2026-11-04T09:30:00"), "武市监许〔2026〕4号").toJson(),
                Instant.now());
        IngestBatch next = next(poll);
        assertThat(keys(next)).containsExactly("武市监许〔2026〕5号");
        assertThat(first.rows()).hasSize(2);
    }

    private IngestBatch next(Exchange exchange) {
        poller.nextBatch(exchange);
        return exchange.getMessage().getBody(IngestBatch.class);
    }

    private void commit(IngestBatch batch) {
        watermarks.save(DEPARTMENT, FEED, batch.cursorJson(), Instant.now());
    }

    private static List<String> keys(IngestBatch batch) {
        return batch.rows().stream().map(SourceRow::sourceRef).map(ref -> ref.substring(ref.indexOf('=') + 1))
                .toList();
    }

    private static void exec(SingleConnectionDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
