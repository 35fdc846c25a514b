package org.onex.hub.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP cursor: its JSON form in the hub store and how a page moves it through a pass. */
class HttpPullCursorTest {

    private static final String START = "1970-01-01T00:00:00";
    private static final String T1 = "2025-03-01T09:00:00";
    private static final String T2 = "2025-03-01T10:30:00";
    private static final String T3 = "2025-03-02T08:15:00";

    static Stream<Arguments> pages() {
        HttpCursor start = HttpCursor.initial(START);
        return Stream.of(
                // a first page with more to come keeps since, takes the token and remembers the largest value
                Arguments.of(start, T2, "p2", new HttpCursor(START, "p2", T2)),
                // later pages keep the largest value of the pass, whichever page it was on
                Arguments.of(new HttpCursor(START, "p2", T2), T1, "p3", new HttpCursor(START, "p3", T2)),
                Arguments.of(new HttpCursor(START, "p2", T2), T3, "p3", new HttpCursor(START, "p3", T3)),
                // an empty page in the middle only moves the token
                Arguments.of(new HttpCursor(START, "p2", T2), null, "p3", new HttpCursor(START, "p3", T2)),
                // the last page ends the pass: since becomes the largest value seen, no token
                Arguments.of(new HttpCursor(START, "p3", T2), T1, null, new HttpCursor(T2, null, null)),
                Arguments.of(new HttpCursor(START, "p3", T2), T3, null, new HttpCursor(T3, null, null)),
                Arguments.of(start, T1, null, new HttpCursor(T1, null, null)),
                // an empty single page leaves the cursor as it was (nothing to write)
                Arguments.of(new HttpCursor(T2, null, null), null, null, new HttpCursor(T2, null, null)),
                // since is inclusive: re-reading the last rows gives the same cursor
                Arguments.of(new HttpCursor(T2, null, null), T2, null, new HttpCursor(T2, null, null)),
                // values before since (an API ignoring since, another format) never move it back
                Arguments.of(new HttpCursor(T2, null, null), T1, null, new HttpCursor(T2, null, null)));
    }

    @ParameterizedTest(name = "{0} + page(max {1}, next {2}) = {3}")
    @MethodSource("pages")
    void pageMovesTheCursor(HttpCursor before, String pageMax, String next, HttpCursor after) {
        assertThat(before.afterPage(pageMax, next)).isEqualTo(after);
    }

    @Test
    void crashMidPassResumesAtTheStoredToken() {
        HttpCursor stored = HttpCursor.initial(START).afterPage(T1, "offset=500");

        HttpCursor read = HttpCursor.fromJson(stored.toJson());

        assertThat(read.page()).isEqualTo("offset=500");
        assertThat(read.since()).isEqualTo(START);
        assertThat(read.afterPage(T2, null)).isEqualTo(new HttpCursor(T2, null, null));
    }

    @Test
    void roundTripsThroughJsonWithoutEmptyFields() {
        assertThat(HttpCursor.initial(START).toJson()).isEqualTo("{\"since\":\"1970-01-01T00:00:00\"}");
        HttpCursor mid = new HttpCursor(T1, "eyJpZCI6NDJ9", T2);
        assertThat(mid.toJson()).isEqualTo(
                "{\"maxSeen\":\"2025-03-01T10:30:00\",\"page\":\"eyJpZCI6NDJ9\",\"since\":\"2025-03-01T09:00:00\"}");
        assertThat(HttpCursor.fromJson(mid.toJson())).isEqualTo(mid);
    }

    @Test
    void storedCursorOfAnotherSourceKindIsNamed() {
        assertThatThrownBy(() -> HttpCursor.fromJson("{\"time\":\"2025-03-01T09:00:00\",\"key\":7}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored HTTP cursor has no since: {\"time\":\"2025-03-01T09:00:00\",\"key\":7}");
        assertThatThrownBy(() -> HttpCursor.fromJson("not json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored HTTP cursor is not readable: not json");
    }

    @Test
    void comparesAsTextIgnoringNulls() {
        assertThat(HttpCursor.max(null, null)).isNull();
        assertThat(HttpCursor.max(T1, null)).isEqualTo(T1);
        assertThat(HttpCursor.max(null, T1)).isEqualTo(T1);
        assertThat(HttpCursor.max(T3, T2)).isEqualTo(T3);
        assertThat(HttpCursor.max("2025-03-01T09:00:00.5", T1)).isEqualTo("2025-03-01T09:00:00.5");
    }
}
