package org.onex.hub.ingest;

import java.util.List;

/** Per-row outcomes of one batch, in row order, with counts. */
public record IngestResult(String department, String feed, List<RowOutcome> rows) {

    public long count(RowOutcome.Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    /** One line for logs: counts per outcome. */
    public String summary() {
        return rows.size() + " rows: stored " + count(RowOutcome.Status.STORED) + ", new versions "
                + count(RowOutcome.Status.NEW_VERSION) + ", unchanged " + count(RowOutcome.Status.UNCHANGED)
                + ", superseded " + count(RowOutcome.Status.SUPERSEDED) + ", quarantined "
                + count(RowOutcome.Status.QUARANTINED);
    }
}
