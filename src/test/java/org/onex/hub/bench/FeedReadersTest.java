package org.onex.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** How the readers scenario reads a page of GET /api/v1/records: items counted, the cursor, whether more follow. */
class FeedReadersTest {

    @Test
    void countsTheItemsAndTakesTheTopLevelCursorNotFieldsOfTheSameNameInsideItems() throws IOException {
        String body = "{\"items\":[{\"identity\":{\"department\":\"scjgj\"},\"more\":false,\"nextCursor\":\"x\"},"
                + "{\"body\":{\"list\":[1,2,3]}},{}],\"count\":3,\"nextCursor\":\"ZmVlZDoz\",\"more\":true}";

        FeedReaders.Page page = FeedReaders.page(body.getBytes(StandardCharsets.UTF_8));

        assertThat(page).isEqualTo(new FeedReaders.Page(3, "ZmVlZDoz", true));
    }

    @Test
    void theLastPageSaysNoMore() throws IOException {
        FeedReaders.Page page = FeedReaders.page(
                "{\"items\":[],\"count\":0,\"nextCursor\":\"ZmVlZDow\",\"more\":false}".getBytes(StandardCharsets.UTF_8));

        assertThat(page).isEqualTo(new FeedReaders.Page(0, "ZmVlZDow", false));
    }

    @Test
    void anAnswerThatIsNoPageIsRefused() {
        assertThatThrownBy(() -> FeedReaders.page("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("a feed page is a JSON object");
    }
}
