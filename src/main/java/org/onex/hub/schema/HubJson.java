package org.onex.hub.schema;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of the envelope, used by the API, Artemis messages and content hashing: ISO dates,
 * nulls left out, properties and map keys sorted, decimals written plainly, so equal records give equal
 * bytes. Reading it back turns {@code {"amount":…,"unit":…}} objects in the body into {@link Money} again.
 */
public final class HubJson {

    private static final ObjectMapper CANONICAL = build();

    private HubJson() {
    }

    /**
     * The hub's canonical mapper, shared (thread-safe once built, and cheap because its serializer caches
     * stay warm). Do not reconfigure it; call {@code mapper().copy()} for a variant.
     */
    public static ObjectMapper mapper() {
        return CANONICAL;
    }

    /**
     * SHA-256 (lower-case hex) of the canonical JSON of what the record says: category, recordType, status,
     * urgent, subject, document, body and times.decidedAt. Identity, flags and the other times are left out, so
     * re-reading an unchanged source row at a later extraction time gives the same hash.
     */
    public static String contentHash(HubRecord r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("category", r.category());
        content.put("recordType", r.recordType());
        content.put("status", r.status());
        content.put("urgent", r.urgent());
        content.put("subject", r.subject());
        content.put("document", r.document());
        content.put("body", r.body());
        content.put("decidedAt", r.times() == null ? null : r.times().decidedAt());
        try {
            byte[] json = CANONICAL.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record cannot be serialized for hashing: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The canonical JSON text of any value (a record, a body map …). */
    public static String write(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be serialized: " + e.getMessage(), e);
        }
    }

    /** Reads an envelope written by {@link #write} or {@link #mapper()}. */
    public static HubRecord read(String json) {
        try {
            return CANONICAL.readValue(json, HubRecord.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a hub record: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper build() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .addMixIn(HubRecord.class, HubRecordMixIn.class)
                .build();
    }

    /** Tells Jackson to read body values with {@link BodyValueDeserializer}. */
    private abstract static class HubRecordMixIn {
        @JsonDeserialize(contentUsing = BodyValueDeserializer.class)
        abstract Map<String, Object> body();
    }

    /** A body value: an object of exactly {amount, unit} with a known unit is Money; anything else stays untyped. */
    static final class BodyValueDeserializer extends JsonDeserializer<Object> {
        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return ctxt.readValue(p, Object.class);
            }
            JsonNode node = ctxt.readTree(p);
            if (node.size() == 2 && node.path("amount").isNumber() && node.path("unit").isTextual()) {
                for (Money.MoneyUnit u : Money.MoneyUnit.values()) {
                    if (u.name().equals(node.get("unit").textValue())) {
                        return new Money(node.get("amount").decimalValue(), u);
                    }
                }
            }
            return ctxt.readTreeAsValue(node, Object.class);
        }
    }
}
