package org.onex.hub.store;

import java.time.Instant;

import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;

/** Records for the store's own tests, as the department mappings make them. */
final class StoreCandidates {

    private StoreCandidates() {
    }

    /** A licence of 市场监管局 as its mapping makes it (read from JSON, so that new envelope fields need no change here). */
    static Candidate licence(String key, String status, String content, Instant sourceTime) {
        String json = """
                {"identity": {"department": "scjgj", "feed": "licences", "sourceSystem": "市场监管行政许可系统",
                  "sourceKey": "%s"},
                 "category": "C2", "recordType": "LICENCE", "status": "%s", "urgent": false,
                 "subject": {"name": "武义县溪里食品有限公司", "kind": "LEGAL_PERSON", "creditCode": "91330723MA2HQ8B77W"},
                 "document": {"number": "%s", "title": "食品经营许可决定书", "decisionDate": "2026-11-18"},
                 "times": {"sourceUpdatedAt": %s},
                 "body": {"XK_NR": "%s"}, "flags": []}
                """.formatted(key, status, key, sourceTime == null ? "null" : "\"" + sourceTime + "\"", content);
        try {
            HubRecord r = HubJson.mapper().readValue(json, HubRecord.class);
            return new Candidate(r, null, sourceTime, "test " + key);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
