package org.onex.hub.feed;

import org.onex.hub.schema.HubJson;
import org.onex.hub.store.FeedItem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The envelope of a stored version as served on every channel, with its store-assigned identity. */
public final class FeedJson {

    private FeedJson() {
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
