package org.onex.hub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedRow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The REST feed writes a version a client sees as stored straight from its stored text (issue 18); it must say
 * what parsing that text, filling in the identity and adding {@code feedSeq} says, in the bytes the Artemis feed
 * carries (a decimal keeps the scale it was stored with, 1200.50, where a parsed tree would write 1200.5).
 */
class FeedJsonTest {

    /** As RecordStore writes it: canonical, sorted, {@code "versionId":0} until the insert gives the id. */
    private static final String STORED = """
            {"body":{"XK_JDRQ":"2024-03-05","XK_NR":"食品经营许可（含网络经营）；备注：{\\"a\\":1}","XK_XDR_MC":"武义县某某餐饮店",\
            "XK_XKJE":{"amount":1200.50,"unit":"YUAN"},"XK_XDR_ZJHM":"330723198506120313","XK_YXQZ":null},\
            "category":"C2","document":{"decisionDate":"2024-03-05","number":"武市监许〔2024〕201号"},"flags":[],\
            "identity":{"contentHash":"%s","department":"scjgj","feed":"licences","recordId":4711,\
            "sourceKey":"武市监许〔2024〕201号","sourceSystem":"市场监管行政许可系统","version":3,"versionId":0},\
            "recordType":"LICENCE","status":"REVOKED","subject":{"kind":"NATURAL_PERSON","name":"周小明"},\
            "times":{"decidedAt":"2024-03-04T16:00:00Z","storedAt":"2026-12-06T03:00:00Z"},"urgent":false}"""
            .formatted("ab".repeat(32));

    @Test
    void aStoredEnvelopeIsWrittenAsParsingItWould() throws Exception {
        FeedItem item = new FeedItem(918_273, 4711, 3, 55_001, "C2", "LICENCE", "scjgj", STORED);

        String written = HubJson.write(JsonNodeFactory.instance.pojoNode(FeedJson.feedValue(row(item)).orElseThrow()));

        assertThat(HubJson.mapper().readTree(written).toString()).isEqualTo(FeedJson.envelope(item).toString());
        assertThat(written).startsWith(FeedJson.envelopeText(item).substring(0, STORED.length() + 3)).contains("\"versionId\":55001}").endsWith(",\"feedSeq\":918273}")
                .contains("\"amount\":1200.50");
    }

    @Test
    void aVersionNotYetInTheFeedHasNoFeedSeq() throws Exception {
        FeedItem item = new FeedItem(0, 4711, 3, 55_001, "C2", "LICENCE", "scjgj", STORED);

        String written = HubJson.write(JsonNodeFactory.instance.pojoNode(FeedJson.feedValue(row(item)).orElseThrow()));

        assertThat(written).isEqualTo(FeedJson.envelopeText(item)).doesNotContain("feedSeq");
        assertThat(HubJson.mapper().readTree(written).toString()).isEqualTo(FeedJson.envelope(item).toString());
    }

    @Test
    void theBytesGoIntoAUtf8AnswerAsTheyAreWhateverTheirSize() throws Exception {
        // an envelope larger than the generator's buffer (8,000 bytes) is written past it, not cut or decoded
        String big = STORED.replace("食品经营许可（含网络经营）", "食品经营许可（含网络经营）".repeat(2_000));
        for (String stored : java.util.List.of(STORED, big)) {
            FeedItem item = new FeedItem(918_273, 4711, 3, 55_001, "C2", "LICENCE", "scjgj", stored);
            var page = JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.pojoNode(
                    FeedJson.feedValue(row(item)).orElseThrow())).add(JsonNodeFactory.instance.pojoNode(
                    FeedJson.feedValue(row(item)).orElseThrow()));

            String written = new String(HubJson.mapper().writeValueAsBytes(page), StandardCharsets.UTF_8);

            String one = FeedJson.envelopeText(item).replaceFirst("}$", ",\"feedSeq\":918273}");
            assertThat(written).isEqualTo("[" + one + "," + one + "]");
        }
    }

    @Test
    void aBodyColumnNamedIdentityIsNotTakenForTheIdentity() throws Exception {
        // a department table may have a column of any name; the envelope's own identity follows the body
        String stored = STORED.replace("{\"body\":{", "{\"body\":{\"identity\":{\"versionId\":0,\"x\":1},");
        FeedItem item = new FeedItem(7, 4711, 3, 55_001, "C2", "LICENCE", "scjgj", stored);

        String written = HubJson.write(JsonNodeFactory.instance.pojoNode(FeedJson.feedValue(row(item)).orElseThrow()));

        assertThat(HubJson.mapper().readTree(written).toString()).isEqualTo(FeedJson.envelope(item).toString());
        assertThat(written).startsWith("{\"body\":{\"identity\":{\"versionId\":0,\"x\":1}");
        assertThat(FeedJson.envelopeText(item)).startsWith("{\"body\":{\"identity\":{\"versionId\":0,\"x\":1}")
                .contains("\"version\":3,\"versionId\":55001}"); // the Artemis body too
    }

    @Test
    void aStoredTextOfAnotherShapeIsLeftToTheParser() {
        String filled = STORED.replace("\"versionId\":0", "\"versionId\":55001");
        String noPlaceholder = STORED.replace(",\"versionId\":0", "");

        assertThat(FeedJson.feedValue(row(new FeedItem(1, 4711, 3, 55_001, "C2", "LICENCE", "scjgj", filled))))
                .isEmpty();
        assertThat(FeedJson.feedValue(row(new FeedItem(1, 4711, 3, 55_001, "C2", "LICENCE", "scjgj", noPlaceholder))))
                .isEmpty();
        assertThat(FeedJson.envelopeText(new FeedItem(1, 4711, 3, 55_001, "C2", "LICENCE", "scjgj", noPlaceholder)))
                .contains("\"versionId\":55001");
    }

    /** The item as FeedStore.page reads it: the envelope as the UTF-8 bytes the driver received. */
    private static FeedRow row(FeedItem item) {
        return new FeedRow(item.feedSeq(), item.recordId(), item.version(), item.versionId(), item.category(),
                item.recordType(), item.department(), item.envelope().getBytes(StandardCharsets.UTF_8));
    }
}
