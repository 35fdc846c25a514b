package org.onex.hub.feed;

import org.onex.hub.schema.HubJson;
import org.onex.hub.store.FeedItem;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        String json = item.envelope();
        int start = json.indexOf(IDENTITY);
        int end = start < 0 ? -1 : json.indexOf('}', start);
        int at = start < 0 ? -1 : json.indexOf(VERSION_ID_PLACEHOLDER, start);
        if (at < 0 || at > end || Character.isDigit(json.charAt(at + VERSION_ID_PLACEHOLDER.length()))) {
            return envelope(item).toString();
        }
        return json.substring(0, at) + "\"versionId\":" + item.versionId()
                + json.substring(at + VERSION_ID_PLACEHOLDER.length());
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
