package org.onex.hub.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.onex.hub.schema.HubJson;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedRow;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The envelope of a stored version as served on every channel, with its store-assigned identity. */
public final class FeedJson {

    private static final String IDENTITY = "\"identity\":{";
    private static final String VERSION_ID_PLACEHOLDER = "\"versionId\":0";
    private static final byte[] IDENTITY_UTF8 = IDENTITY.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLACEHOLDER_UTF8 = VERSION_ID_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_UTF8 = { '}' };

    private FeedJson() {
    }

    /**
     * The envelope text for a message body, without parsing it: the store writes the envelope before the
     * version id exists, with {@code "versionId":0} in its identity object, which is filled in here. Falls
     * back to {@link #envelope} if the stored text does not have that shape.
     */
    public static String envelopeText(FeedItem item) {
        String text = filled(item);
        return text != null ? text : envelope(item).toString();
    }

    /**
     * {@link #envelope} as a JSON value that copies the stored bytes into the answer piece by piece — up to the
     * version id's placeholder, the id, the rest, {@code feedSeq} last — without decoding, parsing or encoding them
     * again: what the REST feed serves of a version a client sees as stored (issue 18). Empty if the stored text does
     * not have that shape; the caller then parses it ({@link #envelope}).
     */
    public static Optional<JsonSerializable> feedValue(FeedRow row) {
        byte[] json = row.envelope();
        int at = placeholder(json);
        int end = lastIndexOf(json, CLOSE_UTF8);
        return at < 0 || end < at ? Optional.empty() : Optional.of(new StoredEnvelope(row, at, end));
    }

    /** The stored text with the version id in place of its placeholder, or null if it does not have that shape. */
    private static String filled(FeedItem item) {
        String json = item.envelope();
        int at = placeholder(json);
        if (at < 0) {
            return null;
        }
        return json.substring(0, at) + "\"versionId\":" + item.versionId()
                + json.substring(at + VERSION_ID_PLACEHOLDER.length());
    }

    /** Where the version id's placeholder is in the identity object of a stored envelope, or -1. */
    private static int placeholder(String json) {
        int start = json.lastIndexOf(IDENTITY); // from the end: see placeholder(byte[])
        int end = start < 0 ? -1 : json.indexOf('}', start);
        int at = start < 0 ? -1 : json.indexOf(VERSION_ID_PLACEHOLDER, start);
        if (at < 0 || at > end || Character.isDigit(json.charAt(at + VERSION_ID_PLACEHOLDER.length()))) {
            return -1;
        }
        return at;
    }

    /**
     * As {@link #placeholder(String)} in the UTF-8 bytes of a stored envelope (the patterns are ASCII). The identity
     * object is looked for from the end: in the canonical (sorted) envelope only typed fields follow it, while the
     * body before it is the longest part and could even hold a key of that name.
     */
    private static int placeholder(byte[] json) {
        int start = lastIndexOf(json, IDENTITY_UTF8);
        int end = start < 0 ? -1 : indexOf(json, CLOSE_UTF8, start);
        int at = start < 0 ? -1 : indexOf(json, PLACEHOLDER_UTF8, start);
        int after = at + PLACEHOLDER_UTF8.length;
        if (at < 0 || at > end || after < json.length && Character.isDigit(json[after])) {
            return -1;
        }
        return at;
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            if (matches(bytes, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            if (matches(bytes, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] bytes, int at, byte[] pattern) {
        if (bytes[at] != pattern[0]) {
            return false;
        }
        for (int k = 1; k < pattern.length; k++) {
            if (bytes[at + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }

    /** A stored envelope written as {@link #envelope} would write it; {@code at} and {@code end} found beforehand. */
    private record StoredEnvelope(FeedRow row, int at, int end) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
            byte[] json = row.envelope();
            int rest = at + PLACEHOLDER_UTF8.length;
            gen.writeRawValue(new Utf8Slice(json, 0, at));
            gen.writeRaw("\"versionId\":" + row.versionId());
            gen.writeRaw(new Utf8Slice(json, rest, end - rest));
            if (row.feedSeq() > 0) {
                gen.writeRaw(",\"feedSeq\":" + row.feedSeq());
            }
            gen.writeRaw('}');
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer type)
                throws IOException {
            serialize(gen, serializers);
        }
    }

    public static ObjectNode envelope(FeedItem item) {
        try {
            ObjectNode node = (ObjectNode) HubJson.mapper().readTree(item.envelope());
            ObjectNode identity = node.with("identity");
            identity.put("recordId", item.recordId());
            identity.put("version", item.version());
            identity.put("versionId", item.versionId());
            if (item.feedSeq() > 0) {
                node.put("feedSeq", item.feedSeq());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored envelope of version " + item.versionId() + " is not JSON", e);
        }
    }
}
