package org.onex.hub.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onex.hub.mapping.CompiledMapping;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.mapping.MappingResult;
import org.onex.hub.schema.Violation;
import org.onex.hub.store.Candidate;
import org.onex.hub.store.QuarantineStore;
import org.onex.hub.store.RecordStore;
import org.onex.hub.store.StoreOutcome;
import org.onex.hub.store.WatermarkStore;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Maps, validates and stores one batch in one transaction: valid rows become records or versions,
 * invalid rows go to quarantine with every failed rule, and the source cursor is saved with them.
 * If anything fails the whole batch rolls back and the cursor stays where it was, so the batch is read
 * again and the idempotent store absorbs the repeat.
 */
@Service
public class IngestService {

    private final MappingRegistry mappings;
    private final RecordStore records;
    private final QuarantineStore quarantine;
    private final WatermarkStore watermarks;
    private final SourcePayloads payloads;
    private final MeterRegistry meters;
    private final Clock clock;
    private final List<IngestHook> hooks;
    private final PlatformTransactionManager transactions;

    /** Rows mapped between two checks of the deadline. */
    private static final int CHECK_EVERY = 1_000;

    public IngestService(MappingRegistry mappings, RecordStore records, QuarantineStore quarantine,
            WatermarkStore watermarks, SourcePayloads payloads, MeterRegistry meters, Clock clock,
            List<IngestHook> hooks, PlatformTransactionManager transactions) {
        this.mappings = mappings;
        this.records = records;
        this.quarantine = quarantine;
        this.watermarks = watermarks;
        this.payloads = payloads;
        this.meters = meters;
        this.clock = clock;
        this.hooks = List.copyOf(hooks);
        this.transactions = transactions;
    }

    /**
     * Ingests one batch in one transaction, with no deadline (source routes: bounded by their batch size). The
     * routes call it by name ({@code bean(IngestService.class, "ingest")}): keep it the only {@code ingest}.
     */
    public IngestResult ingest(IngestBatch batch) {
        return ingestBefore(batch, WorkDeadline.none());
    }

    /**
     * Ingests one batch in one transaction that commits before {@code deadline} or not at all:
     * the deadline is checked between the steps and just before the commit, and the transaction's timeout
     * makes JdbcTemplate give each statement only the time left, so one long statement cannot run past it
     * either. Past the deadline: {@link DeadlineExceededException}, and everything is rolled back.
     */
    public IngestResult ingestBefore(IngestBatch batch, WorkDeadline deadline) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        if (deadline.bounded()) {
            deadline.check("before the transaction");
            tx.setTimeout((int) Math.max(1, (deadline.remaining().toMillis() + 999) / 1000));
        }
        try {
            return tx.execute(status -> inTransaction(batch, deadline));
        } catch (TransactionTimedOutException | QueryTimeoutException e) {
            if (deadline.bounded()) {
                throw new DeadlineExceededException(deadline.budget(), "a statement ran past the transaction timeout");
            }
            throw e;
        }
    }

    private IngestResult inTransaction(IngestBatch batch, WorkDeadline deadline) {
        CompiledMapping mapping = mappings.require(batch.department(), batch.feed());
        Instant now = clock.instant();
        Instant extractedAt = batch.extractedAt() == null ? now : batch.extractedAt();
        List<RowOutcome> outcomes = new ArrayList<>(batch.rows().size());
        List<Candidate> candidates = new ArrayList<>();
        List<Integer> candidateRows = new ArrayList<>();
        List<QuarantineStore.Sighting> failed = new ArrayList<>();
        List<MappingResult> failedResults = new ArrayList<>();
        List<Integer> failedRows = new ArrayList<>();
        Map<String, MappingResult> mapped = new HashMap<>();
        PreparedRows ahead = batch.prepared() != null
                && batch.prepared().usableWith(mapping, extractedAt, batch.rows().size()) ? batch.prepared() : null;
        for (int i = 0; i < batch.rows().size(); i++) {
            if (i % CHECK_EVERY == 0) {
                deadline.check("mapping row " + i + " of " + batch.rows().size());
            }
            SourceRow row = batch.rows().get(i);
            String payload = ahead != null ? ahead.payloads().get(i) : payloads.toJson(row.values());
            // a row identical to an earlier row of the batch maps the same: mapped once (100,000
            // identical bad rows in one push)
            MappingResult result = mapped.get(payload);
            if (result == null) {
                result = checked(batch, ahead != null ? ahead.results().get(i) : mapping.apply(row.values(), extractedAt));
                mapped.put(payload, result);
            }
            outcomes.add(null);
            if (result.valid()) {
                candidates.add(new Candidate(result.record(), payload, sourceTime(result, row), row.sourceRef()));
                candidateRows.add(i);
            } else {
                failed.add(new QuarantineStore.Sighting(result.sourceKey(), row.sourceRef(), payload,
                        result.violations()));
                failedResults.add(result);
                failedRows.add(i);
            }
        }
        deadline.check("after mapping " + batch.rows().size() + " rows");
        // identical bad rows are one entry written once, whatever their number
        long[] qids = quarantine.quarantineAll(batch.department(), batch.feed(), batch.channel(), failed, now);
        for (int f = 0; f < qids.length; f++) {
            int i = failedRows.get(f);
            MappingResult result = failedResults.get(f);
            outcomes.set(i, new RowOutcome(i, result.sourceKey(), RowOutcome.Status.QUARANTINED, null, null, qids[f],
                    result.errors()));
        }
        deadline.check("after quarantining " + failed.size() + " rows");
        List<StoreOutcome> stored = records.upsert(batch.department(), batch.feed(), candidates, now);
        deadline.check("after storing " + candidates.size() + " rows");
        List<IngestHook.Stored> changed = new ArrayList<>(stored.size());
        Set<String> validKeys = new LinkedHashSet<>();
        for (int c = 0; c < stored.size(); c++) {
            StoreOutcome s = stored.get(c);
            int i = candidateRows.get(c);
            String key = candidates.get(c).record().identity().sourceKey();
            outcomes.set(i, new RowOutcome(i, key, status(s.kind()), s.recordId(), s.version(), null, List.of(),
                    s.reason()));
            if (s.kind() == StoreOutcome.Kind.STORED || s.kind() == StoreOutcome.Kind.NEW_VERSION) {
                changed.add(new IngestHook.Stored(candidates.get(c).record(), s.recordId(), s.version()));
            }
            if (s.kind() != StoreOutcome.Kind.SUPERSEDED) {
                validKeys.add(key); // a superseded row resolves nothing: it did not become the record's state
            }
        }
        if (!changed.isEmpty()) {
            for (IngestHook hook : hooks) {
                hook.stored(batch.department(), batch.feed(), changed, now);
            }
        }
        deadline.check("after the ingest hooks");
        if (!validKeys.isEmpty()) {
            quarantine.resolveKeys(batch.department(), batch.feed(), validKeys,
                    "superseded: a valid row for this key was stored", now);
        }
        if (batch.cursorJson() != null) {
            watermarks.save(batch.department(), batch.feed(), batch.cursorJson(), now);
        }
        if (!batch.rows().isEmpty()) {
            watermarks.touchActivity(batch.department(), batch.feed(), now); // source freshness
        }
        deadline.check("before the commit");
        IngestResult result = new IngestResult(batch.department(), batch.feed(), outcomes);
        count(result);
        return result;
    }

    /**
     * Maps the rows of a batch ahead, outside any transaction, so that a source can map its next batch while the
     * previous one is being written (issue 18): the rows as JSON and their mapping results, before the hooks'
     * checks (which read the store and raise alerts, so they stay in the ingest transaction). A batch without an
     * extraction time, or whose feed has no mapping, is returned as it is; the transaction maps it then.
     */
    public IngestBatch prepare(IngestBatch batch) {
        if (batch.extractedAt() == null || batch.rows().isEmpty()) {
            return batch;
        }
        CompiledMapping mapping = mappings.find(batch.department(), batch.feed()).orElse(null);
        if (mapping == null) {
            return batch;
        }
        List<String> json = new ArrayList<>(batch.rows().size());
        List<MappingResult> results = new ArrayList<>(batch.rows().size());
        Map<String, MappingResult> mapped = new HashMap<>();
        for (SourceRow row : batch.rows()) {
            String payload = payloads.toJson(row.values());
            json.add(payload);
            results.add(mapped.computeIfAbsent(payload, p -> mapping.apply(row.values(), batch.extractedAt())));
        }
        return batch.withPrepared(new PreparedRows(mapping, batch.extractedAt(), json, results));
    }

    /**
     * Stores records the hub writes itself for a unit (the versions of a cooperation exchange's C7 record, issue 15)
     * in the caller's transaction, with the same store and the same hooks (provider entitlement, deliveries,
     * obligations) as rows from a source; no mapping and no quarantine: the caller has checked its records, and a
     * hook's error refuses the whole call ({@link IllegalStateException}, the transaction rolls back).
     */
    public List<StoreOutcome> storeOwn(String department, String feed, List<Candidate> candidates) {
        Instant now = clock.instant();
        for (Candidate c : candidates) {
            for (IngestHook hook : hooks) {
                List<Violation> errors = hook.check(department, feed, c.record()).stream().filter(Violation::isError)
                        .toList();
                if (!errors.isEmpty()) {
                    throw new IllegalStateException(department + "/" + feed + " " + c.record().identity().sourceKey()
                            + " refused by " + hook.getClass().getSimpleName() + ": " + errors);
                }
            }
        }
        List<StoreOutcome> stored = records.upsert(department, feed, candidates, now);
        List<IngestHook.Stored> changed = new ArrayList<>(stored.size());
        for (int c = 0; c < stored.size(); c++) {
            StoreOutcome s = stored.get(c);
            if (s.kind() == StoreOutcome.Kind.STORED || s.kind() == StoreOutcome.Kind.NEW_VERSION) {
                changed.add(new IngestHook.Stored(candidates.get(c).record(), s.recordId(), s.version()));
            }
        }
        if (!changed.isEmpty()) {
            for (IngestHook hook : hooks) {
                hook.stored(department, feed, changed, now);
            }
        }
        return stored;
    }

    /**
     * The time a row is judged by when several channels feed one record (newest wins): the mapped
     * {@code times.sourceUpdatedAt} when the mapping fills it (so that a database row and a file row of one
     * feed compare on the same column), else the channel's own time ({@link SourceRow#sourceTime()}).
     */
    static Instant sourceTime(MappingResult result, SourceRow row) {
        Instant mapped = result.record().times() == null ? null : result.record().times().sourceUpdatedAt();
        return mapped != null ? mapped : row.sourceTime();
    }

    /** Runs the hooks' checks on a valid row; their errors make it invalid (quarantined with them). */
    private MappingResult checked(IngestBatch batch, MappingResult result) {
        if (!result.valid() || hooks.isEmpty()) {
            return result;
        }
        List<Violation> extra = new ArrayList<>();
        for (IngestHook hook : hooks) {
            extra.addAll(hook.check(batch.department(), batch.feed(), result.record()));
        }
        return extra.isEmpty() ? result : result.withViolations(extra);
    }

    private void count(IngestResult result) {
        for (RowOutcome.Status s : RowOutcome.Status.values()) {
            long n = result.count(s);
            if (n > 0) {
                meters.counter("hub_ingest_rows_total", "department", result.department(), "feed", result.feed(),
                        "outcome", s.name().toLowerCase()).increment(n);
            }
        }
    }

    private static RowOutcome.Status status(StoreOutcome.Kind kind) {
        return switch (kind) {
        case STORED -> RowOutcome.Status.STORED;
        case NEW_VERSION -> RowOutcome.Status.NEW_VERSION;
        case UNCHANGED -> RowOutcome.Status.UNCHANGED;
        case SUPERSEDED -> RowOutcome.Status.SUPERSEDED;
        };
    }
}
