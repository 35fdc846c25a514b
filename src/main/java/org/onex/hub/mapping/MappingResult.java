package org.onex.hub.mapping;

import java.util.List;

import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Violation;

/**
 * Outcome of mapping one source row: a valid record (possibly with warnings in its flags), or the
 * violations that send the row to quarantine. {@code sourceKey} is set whenever the row had one.
 */
public record MappingResult(HubRecord record, String sourceKey, List<Violation> violations) {

    public boolean valid() {
        return record != null;
    }

    /** This result with more violations; any error among them makes it invalid (no record). */
    public MappingResult withViolations(List<Violation> more) {
        List<Violation> all = new java.util.ArrayList<>(violations);
        all.addAll(more);
        boolean failed = more.stream().anyMatch(Violation::isError);
        return new MappingResult(failed ? null : record, sourceKey, List.copyOf(all));
    }

    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }
}
