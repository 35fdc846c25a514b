package org.onex.hub.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    public IngestService(MappingRegistry mappings, RecordStore records, QuarantineStore quarantine,
            WatermarkStore watermarks, SourcePayloads payloads, MeterRegistry meters, Clock clock,
            List<IngestHook> hooks) {
        this.mappings = mappings;
        this.records = records;
        this.quarantine = quarantine;
        this.watermarks = watermarks;
        this.payloads = payloads;
        this.meters = meters;
        this.clock = clock;
        this.hooks = List.copyOf(hooks);
    }

    @Transactional
    public IngestResult ingest(IngestBatch batch) {
        CompiledMapping mapping = mappings.require(batch.department(), batch.feed());
        Instant now = clock.instant();
        Instant extractedAt = batch.extractedAt() == null ? now : batch.extractedAt();
        List<RowOutcome> outcomes = new ArrayList<>(batch.rows().size());
        List<Candidate> candidates = new ArrayList<>();
        List<Integer> candidateRows = new ArrayList<>();
        for (int i = 0; i < batch.rows().size(); i++) {
            SourceRow row = batch.rows().get(i);
            MappingResult result = checked(batch, mapping.apply(row.values(), extractedAt));
            String payload = payloads.toJson(row.values());
            if (result.valid()) {
                candidates.add(new Candidate(result.record(), payload, sourceTime(result, row), row.sourceRef()));
                candidateRows.add(i);
                outcomes.add(null);
            } else {
                long qid = quarantine.quarantine(batch.department(), batch.feed(), result.sourceKey(), row.sourceRef(),
                        batch.channel(), payload, result.violations(), now);
                outcomes.add(new RowOutcome(i, result.sourceKey(), RowOutcome.Status.QUARANTINED, null, null, qid,
                        result.errors()));
            }
        }
        List<StoreOutcome> stored = records.upsert(batch.department(), batch.feed(), candidates, now);
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
        if (!validKeys.isEmpty()) {
            quarantine.resolveKeys(batch.department(), batch.feed(), validKeys,
                    "superseded: a valid row for this key was stored", now);
        }
        if (batch.cursorJson() != null) {
            watermarks.save(batch.department(), batch.feed(), batch.cursorJson(), now);
        }
        if (!batch.rows().isEmpty()) {
            watermarks.touchActivity(batch.department(), batch.feed(), now); // source freshness (issue 5)
        }
        IngestResult result = new IngestResult(batch.department(), batch.feed(), outcomes);
        count(result);
        return result;
    }

    /**
     * The time a row is judged by when several channels feed one record (issue 12, newest wins): the mapped
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
