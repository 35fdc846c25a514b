package org.onex.hub.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameters of the http-source template: the request URL, what messages show of it, and the checks. */
class HttpPullSpecTest {

    static HttpFeedSpec spec(String url, int pageSize, String items, String header, String value) {
        return new HttpFeedSpec("jyj", "schools", HttpFeedSpec.url("jyj", "schools", url), "since", "page", "limit",
                pageSize, items, "/next", "UPDATED_AT", "1970-01-01T00:00:00", header, value, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 50);
    }

    @Test
    void requestCarriesSinceLimitAndTheEncodedToken() {
        HttpFeedSpec spec = spec("https://api.jyj.example/v1/schools", 500, "/items", null, null);

        assertThat(spec.pageUri("2025-03-01T09:00:00", null))
                .isEqualTo(URI.create("https://api.jyj.example/v1/schools?since=2025-03-01T09%3A00%3A00&limit=500"));
        assertThat(spec.pageUri("2025-03-01T09:00:00+08:00", "a b/c=&d"))
                .isEqualTo(URI.create("https://api.jyj.example/v1/schools?since=2025-03-01T09%3A00%3A00%2B08%3A00"
                        + "&limit=500&page=a+b%2Fc%3D%26d"));
    }

    @Test
    void existingQueryIsKeptButNeverShown() {
        HttpFeedSpec spec = spec("http://user:pw@10.1.2.3:8080/api/xk?apikey=SECRET", 20, "/data/rows", null, null);

        assertThat(spec.pageUri("S", "2").toString())
                .isEqualTo("http://user:pw@10.1.2.3:8080/api/xk?apikey=SECRET&since=S&limit=20&page=2");
        assertThat(spec.endpoint()).isEqualTo("http://10.1.2.3:8080/api/xk");
        assertThat(spec.toString()).doesNotContain("SECRET").doesNotContain("pw");
    }

    @Test
    void authValueIsMaskedInToStringAndEchoedText() {
        HttpFeedSpec spec = spec("https://api.jyj.example/v1/schools", 500, "/items", "Authorization",
                "Bearer t0ken-42");

        assertThat(spec.toString()).doesNotContain("t0ken-42").contains("authValue=***");
        assertThat(spec.mask("{\"error\":\"bad token Bearer t0ken-42\"}")).isEqualTo("{\"error\":\"bad token ***\"}");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("api/schools", 500, "/items", null, null,
                        "jyj-schools: url 'api/schools' is not an absolute http(s) URL"),
                Arguments.of("ftp://h/x", 500, "/items", null, null,
                        "jyj-schools: url 'ftp://h/x' is not an absolute http(s) URL"),
                Arguments.of("http://h/x?k=SECRET a", 500, "/items", null, null,
                        "jyj-schools: url is not a valid URL: Illegal character in query at index 19"),
                Arguments.of("http://h/x", 0, "/items", null, null, "jyj-schools: pageSize must be 1..10000, got 0"),
                Arguments.of("http://h/x", 500, "items", null, null,
                        "jyj-schools: itemsPointer 'items' is not a JSON pointer (e.g. /items, /data/rows)"),
                Arguments.of("http://h/x", 500, "/items", "Authorization", "",
                        "jyj-schools: give authHeader and authValue together (authValue empty: is its environment"
                                + " variable set?)"),
                Arguments.of("http://h/x", 500, "/items", null, "t0ken",
                        "jyj-schools: give authHeader and authValue together (authValue empty: is its environment"
                                + " variable set?)"),
                Arguments.of("http://h/x", 500, "/items", "Host", "t0ken",
                        "jyj-schools: authHeader 'Host' cannot be set: restricted header name: \"Host\""));
    }

    @ParameterizedTest(name = "{5}")
    @MethodSource("invalid")
    void invalidParametersAreNamed(String url, int pageSize, String items, String header, String value,
            String message) {
        assertThatThrownBy(() -> spec(url, pageSize, items, header, value))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message).hasMessageNotContaining("t0ken")
                .satisfies(e -> assertThat(e.getCause() == null ? "" : e.getCause().getMessage())
                        .doesNotContain("SECRET"));
    }
}
