package org.onex.hub.faults.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onex.hub.ingest.file.FileReason;
import org.onex.hub.schema.Violation;
import org.onex.hub.store.Alert;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.QuarantineEntry;

/**
 * The comparison the fault suite and MalformedFileCorpusIT share: a file with its expected outcome is right, and
 * each way of differing (status, reason, note code, alert, rows stored, row quarantined under another rule, file
 * never finished) makes it wrong with a problem that says how.
 */
class CorpusCheckTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");
    private static final String REASON = "the file is empty (0 bytes): expected a header line";
    private static final CorpusFile EMPTY = new CorpusFile("empty.csv", CorpusDrop.CSV_UTF8, "0 bytes",
            Expected.rejected(FileReason.EMPTY_FILE, "the file is empty"));
    private static final CorpusFile FORMULA = new CorpusFile("formula.csv", CorpusDrop.CSV_UTF8, "=cmd",
            Expected.accepted(2, "formula injection", Expected.row("line 3", "FORMULA_CELL")));
    private static final String NOTE = "File:      empty.csv\nReason:    " + REASON + "\nCode:      EMPTY_FILE (docs)\n";

    @Test
    void filesWithTheirExpectedOutcomeAreRight() {
        List<CorpusCheck.Result> results = CorpusCheck.check(List.of(EMPTY, FORMULA),
                Map.of("empty.csv", rejected(REASON), "formula.csv", ingested(2, 1)),
                List.of(quarantined("formula.csv line 3", "FORMULA_CELL")), List.of(alert("[EMPTY_FILE] " + REASON)),
                f -> NOTE);

        assertThat(CorpusCheck.wrong(results)).isEmpty();
        assertThat(results).extracting(CorpusCheck.Result::actual).containsExactly("REJECTED EMPTY_FILE",
                "INGESTED 2 stored, 1 quarantined");
        assertThat(CorpusCheck.table(results)).contains("formula.csv").contains("line 3 FORMULA_CELL")
                .doesNotContain("WRONG");
    }

    @Test
    void eachDifferenceMakesTheFileWrong() {
        List<CorpusCheck.Result> results = CorpusCheck.check(List.of(EMPTY, FORMULA),
                Map.of("empty.csv", rejected("bytes are not valid UTF-8 at offset 3"), "formula.csv", ingested(3, 1)),
                List.of(quarantined("formula.csv line 3", "MAPPING_TYPE")), List.of(alert("[INVALID_BYTES] x")),
                f -> NOTE.replace("EMPTY_FILE", "INVALID_BYTES"));

        assertThat(CorpusCheck.wrong(results)).containsExactly(
                "empty.csv: reason 'bytes are not valid UTF-8 at offset 3' lacks 'the file is empty'",
                "empty.csv: note says code INVALID_BYTES, expected EMPTY_FILE",
                "empty.csv: note lacks the reason",
                "empty.csv: no FILE_REJECTED alert with its code",
                "formula.csv: stored 3, expected 2",
                "formula.csv: line 3 not quarantined under FORMULA_CELL (found [Violation[field=XK_WSH,"
                        + " rule=MAPPING_TYPE, severity=ERROR, message=m]])");
        assertThat(CorpusCheck.table(results)).contains("WRONG REJECTED INVALID_BYTES");
    }

    @Test
    void aFileNeverFinishedOrWithoutItsNoteIsWrong() {
        List<CorpusCheck.Result> results = CorpusCheck.check(List.of(EMPTY, FORMULA), Map.of("empty.csv",
                rejected(REASON)), List.of(), List.of(alert("[EMPTY_FILE] " + REASON)), f -> null);

        assertThat(CorpusCheck.wrong(results)).containsExactly("empty.csv: no .error/empty.csv.reason.txt",
                "formula.csv: not in the file ledger");
    }

    @Test
    void latestKeepsTheNewestFinishedEntryPerName() {
        FileEntry newer = ingested(2, 1);
        FileEntry unfinished = entry("formula.csv", FileEntry.INGESTED, 0, 0, null, null);
        assertThat(CorpusCheck.latest(List.of(unfinished, newer, rejected(REASON), entry("formula.csv",
                FileEntry.REJECTED, 0, 0, "older", T)))).containsOnly(Map.entry("formula.csv", newer),
                        Map.entry("empty.csv", rejected(REASON)));
    }

    private static FileEntry rejected(String reason) {
        return entry("empty.csv", FileEntry.REJECTED, 0, 0, reason, T);
    }

    private static FileEntry ingested(long stored, long quarantined) {
        return entry("formula.csv", FileEntry.INGESTED, stored, quarantined, null, T);
    }

    private static FileEntry entry(String name, String status, long stored, long quarantined, String reason,
            Instant finished) {
        return new FileEntry(1, MalformedCorpus.DEPARTMENT, MalformedCorpus.FEED, name, 10, T, "sha", status,
                stored + quarantined, stored, stored, 0, 0, quarantined, reason, null, null, T, finished);
    }

    private static QuarantineEntry quarantined(String sourceRef, String rule) {
        return new QuarantineEntry(1, MalformedCorpus.DEPARTMENT, MalformedCorpus.FEED, "k", sourceRef, "{}",
                QuarantineEntry.OPEN, 1, T, T, null, null,
                List.of(new Violation("XK_WSH", rule, Violation.Severity.ERROR, "m")), List.of());
    }

    private static Alert alert(String message) {
        return new Alert(1, "FILE_REJECTED", "WARN", MalformedCorpus.DEPARTMENT, MalformedCorpus.FEED, "empty.csv",
                message, Alert.OPEN, 1, T, T, null, null, null, null, null, null, null);
    }
}
