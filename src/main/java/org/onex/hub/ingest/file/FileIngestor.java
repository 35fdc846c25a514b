package org.onex.hub.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestResult;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.mapping.CompiledMapping;
import org.onex.hub.masking.ValueMasker;
import org.onex.hub.schema.HubDates;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.FileLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ingests one department file as a unit: the file's rows, in batches through the feed's
 * mapping, and its ledger row are committed in one transaction. A structurally broken file
 * ({@link FileRejectedException}) rolls back, stores nothing, is recorded as REJECTED with its reason
 * and raises an alert; a file whose content (SHA-256) was already ingested in the feed, whatever its name
 * or modification time, is recorded as DUPLICATE naming the first ingestion and skipped. Any
 * other failure (hub store down) propagates, so the file stays where it is and is read again at the next
 * poll; the idempotent store absorbs the repeat. Every row carries the file's modification time as its
 * source time, which decides against other channels unless the mapping maps a row time.
 * Moved files keep their ledger id in their name ({@link #doneName}), so no copy overwrites another.
 */
public final class FileIngestor {

    /** Exchange property: where the consumer moves the file, relative to the feed's directory. */
    public static final String MOVE_TO = "hubMoveTo";
    /** Exchange property: the text of {@code <name>.reason.txt} for a rejected file. */
    public static final String REASON = "hubReason";

    private static final Logger LOG = LoggerFactory.getLogger(FileIngestor.class);

    private final FileFeedSpec spec;
    private final FileLayout layout;
    private final IngestService ingest;
    private final FileLedger ledger;
    private final TransactionTemplate tx;
    private final Alerts alerts;
    private final MeterRegistry meters;
    private final Clock clock;

    public FileIngestor(FileFeedSpec spec, CompiledMapping mapping, IngestService ingest, FileLedger ledger,
            TransactionTemplate tx, Alerts alerts, MeterRegistry meters, Clock clock) {
        this.spec = spec;
        this.layout = new FileLayout(spec.format(), spec.charset(), spec.sheet(), mapping.columns());
        this.ingest = ingest;
        this.ledger = ledger;
        this.tx = tx;
        this.alerts = alerts;
        this.meters = meters;
        this.clock = clock;
    }

    /** Camel entry point: the body is the file's local copy; sets {@link #MOVE_TO} and, if rejected, {@link #REASON}. */
    public void ingest(Exchange exchange) throws IOException {
        Message m = exchange.getMessage();
        String name = m.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path local = m.getBody(java.io.File.class).toPath();
        Long modified = m.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        Outcome outcome = ingestFile(name, local, modified == null || modified <= 0 ? null
                : Instant.ofEpochMilli(modified));
        FileEntry entry = outcome.entry();
        LocalDate today = LocalDate.now(clock.withZone(HubDates.ZONE));
        if (FileEntry.REJECTED.equals(entry.status())) {
            exchange.setProperty(MOVE_TO, ".error/" + name);
            exchange.setProperty(REASON, reasonText(entry, outcome.code()));
        } else {
            exchange.setProperty(MOVE_TO, ".done/" + today + "/" + doneName(name, entry.id()));
        }
    }

    /**
     * The name a picked-up file gets under {@code .done/}: its own with the ledger id before the extension
     * ({@code 许可导出.csv} → {@code 许可导出.file-42.csv}), so that a second file of the same name the same day,
     * on any node, never overwrites the first and each copy can be found from its ledger row.
     */
    public static String doneName(String name, long ledgerId) {
        int dot = name.lastIndexOf('.');
        String tag = ".file-" + ledgerId;
        return dot <= 0 ? name + tag : name.substring(0, dot) + tag + name.substring(dot);
    }

    /** Ingests a local file; returns its ledger entry (INGESTED, REJECTED or DUPLICATE). */
    public FileEntry ingest(String name, Path file, Instant modifiedAt) throws IOException {
        return ingestFile(name, file, modifiedAt).entry();
    }

    /** The ledger entry of an ingested file and, when it was rejected, the reason's code. */
    public record Outcome(FileEntry entry, FileReason code) {
    }

    /** Ingests a local file; returns its ledger entry and, if it was rejected, why ({@link FileReason}). */
    public Outcome ingestFile(String name, Path file, Instant modifiedAt) throws IOException {
        long size = Files.size(file);
        String sha256 = sha256(file);
        Optional<FileEntry> before = ledger.findIngested(spec.department(), spec.feed(), sha256);
        if (before.isPresent()) {
            return new Outcome(duplicate(name, size, modifiedAt, sha256, before.get()), null);
        }
        Instant started = clock.instant();
        Rejection rejection = new Rejection();
        Long id;
        try {
            id = tx.execute(status -> {
                long claimed = ledger.claim(spec.department(), spec.feed(), name, size, modifiedAt, sha256, started);
                Counts counts = new Counts();
                try {
                    read(file, name, started, modifiedAt, counts);
                } catch (FileRejectedException e) {
                    rejection.reason = e.reason();
                    rejection.code = e.code();
                    status.setRollbackOnly();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ledger.finish(claimed, counts.rows, counts.stored, counts.newVersions, counts.unchanged,
                        counts.superseded, counts.quarantined, clock.instant());
                return claimed;
            });
        } catch (DuplicateKeyException e) {
            // Another node ingested the same content (under this or another name) while this one was reading it.
            return ledger.findIngested(spec.department(), spec.feed(), sha256)
                    .map(other -> new Outcome(duplicate(name, size, modifiedAt, sha256, other), null))
                    .orElseThrow(() -> e);
        }
        if (id == null) {
            return new Outcome(reject(name, size, modifiedAt, sha256, rejection), rejection.code);
        }
        FileEntry done = ledger.find(id).orElseThrow();
        LOG.info("{}/{}: file {} ingested: {} rows, stored {}, new versions {}, unchanged {}, superseded {},"
                + " quarantined {}", spec.department(), spec.feed(), name, done.rowsRead(), done.stored(),
                done.newVersions(), done.unchanged(), done.superseded(), done.quarantined());
        count(FileEntry.INGESTED);
        return new Outcome(done, null);
    }

    private void read(Path file, String name, Instant extractedAt, Instant exportedAt, Counts counts)
            throws FileRejectedException, IOException {
        List<SourceRow> batch = new ArrayList<>(spec.batchSize());
        RowFileReader.read(file, name, layout, row -> {
            batch.add(row.withSourceTime(exportedAt));
            if (batch.size() == spec.batchSize()) {
                flush(batch, extractedAt, counts);
            }
        });
        flush(batch, extractedAt, counts);
    }

    private void flush(List<SourceRow> batch, Instant extractedAt, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        IngestResult result = ingest.ingest(new IngestBatch(spec.department(), spec.feed(), List.copyOf(batch), null,
                extractedAt, "sftp:" + spec.department() + "/" + spec.feed()));
        counts.rows += batch.size();
        counts.stored += result.count(RowOutcome.Status.STORED);
        counts.newVersions += result.count(RowOutcome.Status.NEW_VERSION);
        counts.unchanged += result.count(RowOutcome.Status.UNCHANGED);
        counts.superseded += result.count(RowOutcome.Status.SUPERSEDED);
        counts.quarantined += result.count(RowOutcome.Status.QUARANTINED);
        batch.clear();
    }

    private FileEntry duplicate(String name, long size, Instant modifiedAt, String sha256, FileEntry earlier) {
        String reason = "the same content (SHA-256 " + sha256.substring(0, 12) + "…) was ingested as file #"
                + earlier.id() + " " + earlier.fileName() + " at " + earlier.finishedAt() + "; not ingested again";
        LOG.info("{}/{}: file {}: {}", spec.department(), spec.feed(), name, reason);
        long id = ledger.duplicate(spec.department(), spec.feed(), name, size, modifiedAt, sha256, earlier, reason,
                clock.instant());
        count(FileEntry.DUPLICATE);
        return ledger.find(id).orElseThrow();
    }

    private FileEntry reject(String name, long size, Instant modifiedAt, String sha256, Rejection rejection) {
        long id = ledger.record(spec.department(), spec.feed(), name, size, modifiedAt, sha256, FileEntry.REJECTED,
                rejection.reason, clock.instant());
        alerts.error(Alerts.FILE_REJECTED, spec.department(), spec.feed(), name,
                "file " + name + " rejected, nothing stored, moved to .error/: " + rejection.reason + " ["
                        + rejection.code + "]", AlertText.of(Alerts.FILE_REJECTED).text(name).label(rejection.code)
                        .text(rejection.reason).build());
        count(FileEntry.REJECTED);
        return ledger.find(id).orElseThrow();
    }

    private String reasonText(FileEntry e, FileReason code) {
        return "File:      " + e.fileName() + "\n"
                + "Feed:      " + e.department() + "/" + e.feed() + " (" + spec.format().name().toLowerCase()
                + (spec.format() == FileFormat.XLSX ? "" : ", " + spec.charset().name()) + ")\n"
                + "Rejected:  " + e.finishedAt() + " (hub file #" + e.id() + ")\n"
                + "Reason:    " + ValueMasker.text(e.reason()) + "\n" // by value
                + "Code:      " + code + " (docs/file-reasons.md)\n\n"
                + "Nothing from this file was stored. Correct the export and upload it again under any name;\n"
                + "this file and this note may then be deleted.\n";
    }

    private void count(String outcome) {
        meters.counter("hub_files_total", "department", spec.department(), "feed", spec.feed(), "outcome",
                outcome.toLowerCase()).increment();
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class Counts {
        long rows;
        long stored;
        long newVersions;
        long unchanged;
        long superseded;
        long quarantined;
    }

    private static final class Rejection {
        String reason;
        FileReason code;
    }
}
