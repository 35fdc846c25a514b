package org.onex.hub.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.onex.hub.schema.Category;
import org.onex.hub.schema.CertificateType;
import org.onex.hub.schema.Document;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Identity;
import org.onex.hub.schema.RecordStatus;
import org.onex.hub.schema.RecordType;
import org.onex.hub.schema.Subject;
import org.onex.hub.schema.SubjectKind;
import org.onex.hub.schema.Times;

/** Mutable builder for one row's record; lives only for the duration of one {@code apply} call. */
final class RecordDraft {

    private final Category category;
    private RecordType recordType;
    private final Map<String, Object> values = new TreeMap<>();
    private final Map<String, Object> body = new TreeMap<>();

    RecordDraft(Category category, RecordType recordType) {
        this.category = category;
        this.recordType = recordType;
    }

    void set(String target, Object value) {
        if (target.startsWith("body.")) {
            body.put(target.substring(5), value);
        } else if (target.equals("recordType")) {
            recordType = (RecordType) value;
        } else {
            values.put(target, value);
        }
    }

    HubRecord build(String department, String feed, String sourceSystem, String key, Instant extractedAt,
            List<String> flags) {
        Subject subject = new Subject(str("subject.name"), (SubjectKind) values.get("subject.kind"),
                upper(str("subject.creditCode")), (CertificateType) values.get("subject.idType"),
                upper(str("subject.idNumber")), str("subject.legalRepresentative"),
                (CertificateType) values.get("subject.legalRepresentativeIdType"),
                upper(str("subject.legalRepresentativeIdNumber")));
        LocalDate decisionDate = (LocalDate) values.get("document.decisionDate");
        Document document = new Document(str("document.number"), str("document.title"), decisionDate,
                (LocalDate) values.get("document.validFrom"), (LocalDate) values.get("document.validTo"),
                str("document.authority"), upper(str("document.authorityCreditCode")), str("document.matterCode"));
        Instant decidedAt = (Instant) values.get("times.decidedAt");
        if (decidedAt == null && decisionDate != null) {
            decidedAt = decisionDate.atStartOfDay(HubDates.ZONE).toInstant();
        }
        Times times = new Times(decidedAt, (Instant) values.get("times.sourceUpdatedAt"), extractedAt, null, null, null);
        RecordStatus status = (RecordStatus) values.getOrDefault("status", RecordStatus.VALID);
        boolean urgent = Boolean.TRUE.equals(values.get("urgent"));
        return new HubRecord(Identity.source(department, feed, sourceSystem, key), category, recordType, status,
                urgent, subject, document, times, Map.copyOf(body), flags);
    }

    private String str(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }
}
