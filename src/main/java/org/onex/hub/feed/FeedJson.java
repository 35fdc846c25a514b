package org.onex.hub.feed;

import java.io.IOException;
import java.util.Optional;

import org.onex.hub.schema.HubJson;
import org.onex.hub.store.FeedItem;

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
     * {@link #envelope} as a JSON value that writes the stored text into the answer piece by piece — up to the
     * version id's placeholder, the id, the rest, {@code feedSeq} last — without parsing it or building another
     * string: what the REST feed serves of a version a client sees as stored (issue 18). Empty if the stored text
     * does not have that shape; the caller then parses it ({@link #envelope}).
     */
    public static Optional<JsonSerializable> feedValue(FeedItem item) {
        int at = placeholder(item.envelope());
        int end = item.envelope().lastIndexOf('}');
        return at < 0 || end < at ? Optional.empty() : Optional.of(new StoredEnvelope(item, at, end));
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
        int start = json.indexOf(IDENTITY);
        int end = start < 0 ? -1 : json.indexOf('}', start);
        int at = start < 0 ? -1 : json.indexOf(VERSION_ID_PLACEHOLDER, start);
        if (at < 0 || at > end || Character.isDigit(json.charAt(at + VERSION_ID_PLACEHOLDER.length()))) {
            return -1;
        }
        return at;
    }

    /** A stored envelope written as {@link #envelope} would write it; {@code at} and {@code end} found beforehand. */
    private record StoredEnvelope(FeedItem item, int at, int end) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
            String json = item.envelope();
            int rest = at + VERSION_ID_PLACEHOLDER.length();
            gen.writeRawValue(json, 0, at);
            gen.writeRaw("\"versionId\":" + item.versionId());
            gen.writeRaw(json, rest, end - rest);
            if (item.feedSeq() > 0) {
                gen.writeRaw(",\"feedSeq\":" + item.feedSeq());
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
