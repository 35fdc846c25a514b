package org.onex.hub.schema;

import java.util.List;
import java.util.Map;

/**
 * The envelope of schema v1 that every record of every department is normalized into. {@code body}
 * holds the type's own fields (双公示 XK_* for licences, CF_* for penalties); money values in it are
 * {@link Money} with an explicit unit. {@code flags} carries validation warnings that did not reject
 * the record (e.g. a legacy 15-digit ID number).
 */
public record HubRecord(Identity identity, Category category, RecordType recordType, RecordStatus status,
        boolean urgent, Subject subject, Document document, Times times, Map<String, Object> body,
        List<String> flags) {

    public HubRecord withIdentity(Identity newIdentity) {
        return new HubRecord(newIdentity, category, recordType, status, urgent, subject, document, times, body, flags);
    }

    public HubRecord withTimes(Times newTimes) {
        return new HubRecord(identity, category, recordType, status, urgent, subject, document, newTimes, body, flags);
    }
}
