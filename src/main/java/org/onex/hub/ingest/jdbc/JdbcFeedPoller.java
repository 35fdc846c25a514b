package org.onex.hub.ingest.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Service;
import org.onex.hub.ingest.FeedPoller;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.ReadAhead;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.ingest.SourceRows;
import org.onex.hub.schema.HubDates;
import org.onex.hub.store.WatermarkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the next batch of one JDBC feed. Holds only its immutable spec: the cursor is read from the
 * hub store on every call and the new cursor travels with the batch, to be saved in the ingest
 * transaction. The department database is only read (read-only connections, no markers written:
 * DESIGN.md, CAMEL-27169).
 * <p>
 * When its route is created ({@link #checkNames()}), it checks the table and cursor columns against the database's
 * metadata and keeps them as the database spells them, quoted in its dialect. A name the database does not have
 * fails the route with the route file, the parameter and the names it does have (the hub retries it with back-off);
 * an unreachable database does not: its polls fail and are counted per route.
 */
public final class JdbcFeedPoller implements FeedPoller, Service {

    private static final String BATCHES = "hubBatches";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcFeedPoller.class);

    private final JdbcFeedSpec spec;
    private final JdbcTemplate source;
    private final WatermarkStore watermarks;
    private final Clock clock;
    private final Function<String, String> origin;
    /** Reads and maps the next batch while this one is written; null: no read-ahead. */
    private final ReadAhead readAhead;
    /** The source as the database spells it; set when the route starts (this bean belongs to one route). */
    private volatile JdbcIdentifiers.SourceTable table;
    /** The next batch, being read ahead from the cursor {@link Ahead#from}; null when none is. */
    private volatile Ahead ahead;

    /**
     * @param origin where a parameter is written, as {@code file:line} (empty when unknown), for start errors
     */
    public JdbcFeedPoller(JdbcFeedSpec spec, DataSource dataSource, WatermarkStore watermarks, Clock clock,
            Function<String, String> origin, ReadAhead readAhead) {
        this.spec = spec;
        this.source = new JdbcTemplate(dataSource);
        this.source.setFetchSize(spec.batchSize());
        this.watermarks = watermarks;
        this.clock = clock;
        this.origin = origin;
        this.readAhead = readAhead;
    }

    /**
     * Checks the identifiers against the database while the route is created (the template's bean factory calls
     * it), before any of its endpoints exist. A name the database does not have is a wiring mistake: the route is
     * not created, with the route file, the parameter and the names the database does have, and the hub retries it
     * with back-off. A database that cannot be reached now is not: the route is created, its polls fail and count
     * against the route's own health (SOURCE_UNREACHABLE), and the names are checked at the first poll that
     * reaches it.
     *
     * @return this poller
     */
    public JdbcFeedPoller checkNames() {
        try {
            table = resolve();
        } catch (SourceUnreachable e) {
            LOG.warn("{}-{}: {}; the names are checked at the first poll that reaches it", spec.department(),
                    spec.feed(), e.getMessage());
        } catch (IllegalStateException e) {
            // say why where an operator reads it, whatever retries the creation
            LOG.warn("{}-{} cannot start: {}", spec.department(), spec.feed(), e.getMessage());
            throw e;
        }
        return this;
    }

    /**
     * When the route (re)starts, the names are read again at its first poll: a column renamed while it was stopped
     * fails that poll with the names the database has. Never fails the start itself: a failed start would stop and
     * remove what the route shares with others (its timer).
     */
    @Override
    public void start() {
        // names resolved by checkNames() for this start, or at the first poll
    }

    @Override
    public void stop() {
        table = null;
        dropAhead();
    }

    private JdbcIdentifiers.SourceTable table() {
        JdbcIdentifiers.SourceTable t = table;
        if (t == null) {
            t = resolve();
            table = t;
        }
        return t;
    }

    private JdbcIdentifiers.SourceTable resolve() {
        try (Connection c = source.getDataSource().getConnection()) {
            return JdbcIdentifiers.resolve(c, spec.table(), spec.query(), spec.timeColumn(), spec.keyColumn());
        } catch (JdbcIdentifiers.UnknownIdentifierException e) {
            throw new IllegalStateException(e.mismatches().stream().map(m -> where(m.parameter()) + "parameter "
                    + m.parameter() + ": " + m.reason()).collect(Collectors.joining("\n")), e);
        } catch (SQLException e) {
            throw new SourceUnreachable(where("dataSource") + "parameter dataSource: cannot read the tables of"
                    + " data source '" + spec.dataSource() + "': " + e.getMessage(), e);
        }
    }

    /** The department database could not be reached or read: a poll failure, not a wiring mistake. */
    private static final class SourceUnreachable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SourceUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private String where(String parameter) {
        String at = origin.apply(parameter);
        return at == null || at.isEmpty() ? "jdbc-source " + spec.department() + "/" + spec.feed() + ": " : at + ": ";
    }

    /** Sets the body to the next {@link IngestBatch}, or null when there is nothing to do. */
    @Override
    public void nextBatch(Exchange exchange) {
        String stored = watermarks.load(spec.department(), spec.feed()).orElse(null);
        JdbcCursor cursor = stored == null ? JdbcCursor.initial() : JdbcCursor.fromJson(stored);
        Instant now = clock.instant();
        exchange.setProperty(MORE, false);
        exchange.getMessage().setBody(null);
        if (!cursor.sweeping()) {
            Next next = takeAhead(stored);
            if (next == null) {
                next = readAfter(cursor, now);
            }
            if (next != null) {
                emit(exchange, next.batch, next.full);
                return;
            }
            if (!sweepDue(cursor, now)) {
                return;
            }
            cursor = cursor.sweepStarted(cursor.time().minus(spec.lookback()), cursor.time());
        }
        dropAhead();
        // R-APPROVAL-NOTICE depends on late rows not being lost: re-read the look-back window; the
        // idempotent store turns rows already stored into "unchanged".
        Page page = read(cursor.sweepTime(), cursor.sweepKey(), cursor.sweepUntil());
        JdbcCursor next = page.full ? cursor.sweepAdvanced(page.lastTime, page.lastKey) : cursor.sweepFinished(now);
        emit(exchange, new IngestBatch(spec.department(), spec.feed(), page.rows, next.toJson(), now), page.full);
    }

    /** The page after {@code cursor} up to the commit delay before now, as a batch; null when there is none. */
    private Next readAfter(JdbcCursor cursor, Instant now) {
        LocalDateTime until = sourceNow().minus(spec.commitDelay());
        Page page = read(cursor.time(), cursor.key(), until);
        if (page.rows.isEmpty()) {
            return null;
        }
        return new Next(new IngestBatch(spec.department(), spec.feed(), page.rows,
                cursor.advanced(page.lastTime, page.lastKey).toJson(), now), page.full);
    }

    /**
     * The batch read ahead, if it was read from the cursor the store holds now ({@code stored}): the transaction
     * of the previous batch committed and moved the cursor there. Otherwise (it rolled back, another node moved
     * the cursor, the read failed) the batch read ahead is dropped and this poll reads again, so that its errors
     * are reported as a normal poll's.
     */
    private Next takeAhead(String stored) {
        Ahead a = ahead;
        ahead = null;
        if (a == null) {
            return null;
        }
        if (!a.from.equals(stored)) {
            a.next.cancel(true);
            return null;
        }
        try {
            return a.next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            LOG.debug("{}-{}: reading ahead failed, reading again: {}", spec.department(), spec.feed(),
                    e.getMessage());
            return null;
        }
    }

    private void dropAhead() {
        Ahead a = ahead;
        ahead = null;
        if (a != null) {
            a.next.cancel(true);
        }
    }

    private boolean sweepDue(JdbcCursor cursor, Instant now) {
        return !spec.lookback().isZero() && cursor.key() != null
                && (cursor.sweptAt() == null || !cursor.sweptAt().plus(spec.sweepEvery()).isAfter(now));
    }

    private void emit(Exchange exchange, IngestBatch batch, boolean full) {
        int batches = exchange.getProperty(BATCHES, 0, Integer.class) + 1;
        exchange.setProperty(BATCHES, batches);
        // Yield after maxBatches so that a stopping hub does not wait for a long backlog to drain.
        boolean more = full && batches < spec.maxBatches() && !exchange.getContext().getStatus().isStopping();
        exchange.setProperty(MORE, more);
        exchange.getMessage().setBody(batch);
        JdbcCursor from = JdbcCursor.fromJson(batch.cursorJson());
        if (more && readAhead != null && !from.sweeping()) {
            // read and map the next page while this one is written; used only if this one commits
            CompletableFuture<Next> next = readAhead.submit(() -> {
                Next page = readAfter(from, clock.instant());
                return page == null ? null : new Next(readAhead.prepare(page.batch), page.full);
            });
            ahead = next == null ? null : new Ahead(batch.cursorJson(), next); // null: every read-ahead thread busy
        }
    }

    /**
     * Department systems record local wall-clock time (Asia/Shanghai). The hub's clock decides what is
     * old enough to read, so tests can move it; the commit delay also absorbs small clock skew.
     */
    private LocalDateTime sourceNow() {
        return LocalDateTime.now(clock.withZone(HubDates.ZONE));
    }

    private Page read(LocalDateTime afterTime, Object afterKey, LocalDateTime until) {
        boolean withKey = afterKey != null;
        Object[] args = withKey
                ? new Object[] { Timestamp.valueOf(afterTime), Timestamp.valueOf(afterTime), afterKey, Timestamp.valueOf(until) }
                : new Object[] { Timestamp.valueOf(afterTime), Timestamp.valueOf(until) };
        List<SourceRow> rows = new ArrayList<>();
        LocalDateTime[] lastTime = { afterTime };
        Object[] lastKey = { afterKey };
        JdbcIdentifiers.SourceTable t = table();
        source.query(spec.pageSql(withKey, t), rs -> {
            Map<String, Object> row = SourceRows.read(rs);
            // the cursor is read back by the column names the driver returns for the real columns
            lastTime[0] = SourceRows.toLocalDateTime(row.get(t.timeColumn()));
            lastKey[0] = row.get(t.keyColumn());
            // the cursor time is the row's source time (newest wins across channels)
            rows.add(new SourceRow(row, spec.sourceName() + " " + spec.keyColumn() + "=" + lastKey[0],
                    lastTime[0].atZone(HubDates.ZONE).toInstant()));
        }, args);
        return new Page(rows, lastTime[0], lastKey[0], rows.size() == spec.batchSize());
    }

    private record Page(List<SourceRow> rows, LocalDateTime lastTime, Object lastKey, boolean full) {
    }

    /** A batch to emit, and whether its page was full (more may be ready at once). */
    private record Next(IngestBatch batch, boolean full) {
    }

    /** The next batch being read ahead from the stored cursor {@code from}. */
    private record Ahead(String from, CompletableFuture<Next> next) {
    }
}
