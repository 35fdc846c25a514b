package org.onex.hub.ingest.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Parameters of one instance of the {@code http-source} template, checked when the route is created.
 * {@link #toString()} masks the auth value: the spec may be logged, the secret never is.
 *
 * @param department     department code (config/departments.yaml)
 * @param feed           feed id (mappings/&lt;department&gt;/&lt;feed&gt;.yaml)
 * @param url            base URL of the department API (http or https)
 * @param sinceParam     query parameter carrying the since-cursor
 * @param pageParam      query parameter carrying the next-page token
 * @param limitParam     query parameter carrying the page size
 * @param pageSize       rows asked for per page (one page = one batch and transaction)
 * @param itemsPointer   JSON pointer of the row array in a response
 * @param nextPointer    JSON pointer of the next-page token in a response
 * @param cursorField    row field whose largest value becomes the next since
 * @param initialSince   since of the very first request
 * @param authHeader     request header carrying the credential, null for none
 * @param authValue      value of that header (a secret)
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout    time allowed for the response of one request
 * @param maxPages       pages read in one poll before giving the timer (and a shutdown) a turn
 */
public record HttpFeedSpec(String department, String feed, URI url, String sinceParam, String pageParam,
        String limitParam, int pageSize, String itemsPointer, String nextPointer, String cursorField,
        String initialSince, String authHeader, String authValue, Duration connectTimeout, Duration readTimeout,
        int maxPages) {

    public HttpFeedSpec {
        String name = department + "-" + feed;
        require(url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                && url.getHost() != null, name + ": url '" + safe(url) + "' is not an absolute http(s) URL");
        require(pageSize > 0 && pageSize <= 10_000, name + ": pageSize must be 1..10000, got " + pageSize);
        require(maxPages > 0, name + ": maxPagesPerPoll must be positive, got " + maxPages);
        require(!blank(sinceParam) && !blank(pageParam) && !blank(limitParam),
                name + ": sinceParam, pageParam and limitParam must not be empty");
        require(!blank(cursorField), name + ": cursorField must not be empty");
        require(!blank(initialSince), name + ": initialSince must not be empty");
        pointer(name, "itemsPointer", itemsPointer);
        pointer(name, "nextPointer", nextPointer);
        require(blank(authHeader) == blank(authValue), name + ": give authHeader and authValue together"
                + " (authValue empty: is its environment variable set?)");
        if (!blank(authHeader)) {
            try {
                HttpRequest.newBuilder(url).header(authHeader, "checked");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": authHeader '" + authHeader + "' cannot be set: "
                        + e.getMessage(), e);
            }
        }
        require(!connectTimeout.isNegative() && !connectTimeout.isZero(), name + ": connectTimeout must be positive");
        require(!readTimeout.isNegative() && !readTimeout.isZero(), name + ": readTimeout must be positive");
        authHeader = blank(authHeader) ? null : authHeader;
        authValue = blank(authValue) ? null : authValue;
    }

    /** Reads the url parameter; the message of a bad one does not repeat it, as its query may hold a secret. */
    static URI url(String department, String feed, String url) {
        try {
            return new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(department + "-" + feed + ": url is not a valid URL: " + e.getReason()
                    + " at index " + e.getIndex()); // not the cause: its message repeats the URL
        }
    }

    /** {@code url?since=…&limit=…[&page=…]}, values URL-encoded, after any query the base URL already has. */
    URI pageUri(String since, String page) {
        String base = url.toString();
        StringBuilder uri = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        uri.append(encode(sinceParam)).append('=').append(encode(since));
        uri.append('&').append(encode(limitParam)).append('=').append(pageSize);
        if (page != null) {
            uri.append('&').append(encode(pageParam)).append('=').append(encode(page));
        }
        return URI.create(uri.toString());
    }

    /** The URL as messages show it: without user info or query, which may hold secrets. */
    String endpoint() {
        return safe(url);
    }

    /** Replaces the auth value wherever it appears in a text that will be shown (an echoed response). */
    String mask(String text) {
        return authValue == null || text == null ? text : text.replace(authValue, "***");
    }

    @Override
    public String toString() {
        return "HttpFeedSpec[" + department + "/" + feed + " GET " + endpoint() + ", pageSize=" + pageSize
                + ", cursorField=" + cursorField + ", authHeader=" + authHeader + ", authValue="
                + (authValue == null ? null : "***") + "]";
    }

    private static String safe(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (url.getScheme() == null || url.getHost() == null) {
            return path;
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pointer(String name, String parameter, String value) {
        try {
            JsonPointer.compile(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(name + ": " + parameter + " '" + value
                    + "' is not a JSON pointer (e.g. /items, /data/rows)", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
