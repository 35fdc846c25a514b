package org.onex.hub.schema;

import java.time.LocalDate;

/**
 * The decision document. {@code validTo} of 2099-12-31 means long-term validity (长期); {@link #longTerm()}
 * says so explicitly.
 */
public record Document(String number, String title, LocalDate decisionDate, LocalDate validFrom, LocalDate validTo,
        String authority, String authorityCreditCode, String matterCode) {

    public static final LocalDate LONG_TERM = LocalDate.of(2099, 12, 31);

    public boolean longTerm() {
        return LONG_TERM.equals(validTo);
    }
}
