package org.onex.hub.faults.corpus;

import java.util.List;

import org.onex.hub.ingest.file.FileReason;

/**
 * What the hub must do with a corpus file: reject it (nothing stored) with {@code code} and a message
 * containing {@code fragment}, or ingest it, storing {@code stored} rows and quarantining exactly
 * {@code quarantined}.
 */
public record Expected(Outcome outcome, FileReason code, String fragment, long stored, List<QuarantinedRow> quarantined) {

    public enum Outcome {
        REJECTED, ACCEPTED
    }

    /**
     * A row the hub must quarantine: its source reference ends with {@code where} ({@code line 4},
     * {@code sheet 许可 row 3}, {@code element 2 (line 1)}) and its failures include {@code rule}.
     */
    public record QuarantinedRow(String where, String rule) {
    }

    public static Expected rejected(FileReason code, String fragment) {
        return new Expected(Outcome.REJECTED, code, fragment, 0, List.of());
    }

    /** Ingested; {@code why} says what makes the file special (printed in the corpus table). */
    public static Expected accepted(long stored, String why, QuarantinedRow... quarantined) {
        return new Expected(Outcome.ACCEPTED, null, why, stored, List.of(quarantined));
    }

    public static QuarantinedRow row(String where, String rule) {
        return new QuarantinedRow(where, rule);
    }

    /** "REJECTED XLSX_ZIP_BOMB" or "ACCEPTED 3 stored, quarantined line 4 FORMULA_CELL". */
    public String summary() {
        if (outcome == Outcome.REJECTED) {
            return "REJECTED " + code;
        }
        StringBuilder s = new StringBuilder("ACCEPTED ").append(stored).append(" stored");
        if (!quarantined.isEmpty()) {
            s.append(", quarantined ");
            s.append(String.join("; ", quarantined.stream().map(q -> q.where() + " " + q.rule()).toList()));
        }
        return s.toString();
    }
}
