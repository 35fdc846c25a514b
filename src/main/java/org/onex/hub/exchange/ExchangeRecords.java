package org.onex.hub.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.deadline.ObligationEngine;
import org.onex.hub.registry.Department;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.CreditCodes;
import org.onex.hub.schema.Document;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Identity;
import org.onex.hub.schema.RecordStatus;
import org.onex.hub.schema.RecordValidator;
import org.onex.hub.schema.Subject;
import org.onex.hub.schema.SubjectKind;
import org.onex.hub.schema.Times;
import org.onex.hub.schema.Violation;
import org.onex.hub.store.Candidate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The C7 record of an exchange, one version per state change: provided by the sender (feed {@value #FEED}), keyed
 * by the exchange number, with the receiver in {@code body.JSDW} (so that R-ASSIST-REPLY is owed by the receiver)
 * and the exchange's state, clocks, answer and materials in {@code body.EXCHANGE}. Its {@code times.decidedAt} is
 * the event the policy's clock counts from: the discovery for a transfer (R-TRANSFER-DEADLINE), the letter for an
 * assistance request.
 */
final class ExchangeRecords {

    /** The feed every exchange record is stored under, for every sending unit. */
    static final String FEED = "exchanges";
    static final String SOURCE_SYSTEM = "1+X协作交换 / hub cooperation exchanges";

    private ExchangeRecords() {
    }

    /** The record version for the exchange as it stands after a change at {@code changedAt}. */
    static Candidate candidate(Exchange x, Department sender, Department receiver, List<ExchangeStore.MaterialRef> materials,
            JsonNode lastAnswer, int replyWorkingDays, Instant changedAt) {
        JsonNode letter = x.letter();
        JsonNode party = letter.path("party");
        String creditCode = text(party, "creditCode");
        String idNumber = text(party, "idNumber");
        Subject subject = text(party, "name") == null ? null : new Subject(text(party, "name"),
                creditCode != null ? kindOf(creditCode) : SubjectKind.NATURAL_PERSON,
                creditCode == null ? null : CreditCodes.normalize(creditCode), null, idNumber, null, null, null);
        String actionDate = text(letter, "actionDate"); // a joint action's day: R-JOINT-SPECIAL counts back from it
        Document document = new Document(x.number(), x.title(), java.time.LocalDate.ofInstant(x.submittedAt(),
                HubDates.ZONE), actionDate == null ? null : java.time.LocalDate.parse(actionDate), null,
                sender.nameZh(), text(letter.path("sender"), "creditCode"), text(letter, "matterCode"));
        Instant decided = x.kind().transfer() && x.discoveredAt() != null ? x.discoveredAt() : x.submittedAt();
        Times times = new Times(decided, changedAt, changedAt, null, null, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("LX", x.kind().zh());
        body.put("BT", x.title());
        body.put("NR", text(letter, "facts"));
        body.put(ObligationEngine.RECEIVER, receiver.code());
        body.put("JSDW_MC", receiver.nameZh());
        body.put("EXCHANGE", exchange(x, receiver, materials, lastAnswer, replyWorkingDays));
        HubRecord record = new HubRecord(Identity.source(x.sender(), FEED, SOURCE_SYSTEM, x.number()), Category.C7,
                x.kind().recordType(), RecordStatus.VALID, x.urgent(), subject, document, times, body, List.of());
        List<Violation> errors = RecordValidator.validate(record).stream().filter(Violation::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the record of exchange " + x.number() + " is not valid: " + errors);
        }
        return new Candidate(record, HubJson.write(x.letter()), changedAt, "exchange:" + x.number());
    }

    private static Map<String, Object> exchange(Exchange x, Department receiver,
            List<ExchangeStore.MaterialRef> materials, JsonNode lastAnswer, int replyWorkingDays) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("number", x.number());
        e.put("kind", x.kind().name());
        e.put("state", x.state().name());
        e.put("stateZh", x.state().zh());
        e.put("sender", x.sender());
        e.put("receiver", receiver.code());
        e.put("receiverWhy", x.receiverWhy());
        put(e, "purpose", text(x.letter(), "purpose"));
        put(e, "actionDate", text(x.letter(), "actionDate"));
        put(e, "handoverOf", text(x.letter(), "handoverOf")); // R-JOINT-HANDOVER: the joint action it came from
        if (x.letter().path("participants").size() > 0) {
            e.put("participants", HubJson.mapper().convertValue(x.letter().get("participants"), List.class));
        }
        put(e, "discoveredAt", x.discoveredAt());
        put(e, "submittedAt", x.submittedAt());
        put(e, "receivedAt", x.receivedAt());
        e.put("replyWorkingDays", replyWorkingDays); // counted from receipt (a copy notice prints it)
        put(e, "replyDueAt", x.replyDueAt());
        put(e, "answeredAt", x.answeredAt());
        if (x.letter().hasNonNull("approval")) {
            e.put("approval", HubJson.mapper().convertValue(x.letter().get("approval"), Map.class));
        }
        if (lastAnswer != null) {
            e.put("answer", HubJson.mapper().convertValue(lastAnswer, Map.class));
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (ExchangeStore.MaterialRef m : materials) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("material", m.material().name());
            one.put("materialZh", m.material().zh());
            one.put("fileName", m.fileName());
            one.put("sha256", m.sha256());
            one.put("mediaType", m.mediaType());
            one.put("sizeBytes", m.sizeBytes());
            one.put("href", "/api/v1/attachments/" + m.sha256());
            list.add(one);
        }
        e.put("materials", list);
        return e;
    }

    /** A credit code's registration authority (its first character) tells an organisation's kind roughly. */
    private static SubjectKind kindOf(String creditCode) {
        String code = CreditCodes.normalize(creditCode);
        return code.startsWith("92") ? SubjectKind.INDIVIDUAL_BUSINESS : SubjectKind.LEGAL_PERSON;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }
}
