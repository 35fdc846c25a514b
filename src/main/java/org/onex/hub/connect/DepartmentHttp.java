package org.onex.hub.connect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A department's HTTP endpoint, as both the {@code http-source} pull (GET a page) and the {@code delivery-rest}
 * inbox (POST a decision) talk to it: Spring's {@link RestClient} over the JDK client, HTTP/1.1, a connect and a
 * read timeout, no redirects followed (a credential never goes to another host), and exactly one request per call —
 * retries belong to the route's error policy alone (STYLE.md 3: one retry layer). Every answer comes back with its
 * status sorted by {@link Outcome}, the one classification both use; an endpoint that cannot be reached at all
 * (refused connection, timeout, broken I/O) is a {@link UnreachableException}. Immutable and thread-safe.
 */
public final class DepartmentHttp {

    private final RestClient client;

    public DepartmentHttp(Duration connectTimeout, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    /** {@code GET uri} asking for JSON, with the given headers (a credential). */
    public Answer get(URI uri, Map<String, String> headers) {
        return call(client.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set)));
    }

    /** {@code POST uri} with a JSON body and the given headers (a credential, an idempotency key). */
    public Answer postJson(URI uri, Map<String, String> headers, String json) {
        return call(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set)).body(json));
    }

    private static Answer call(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> {
                String body;
                try (InputStream in = response.getBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                return new Answer(response.getStatusCode().value(), body,
                        response.getHeaders().getFirst(HttpHeaders.LOCATION));
            }, true);
        } catch (ResourceAccessException e) { // the I/O failed: connection refused, a timeout, a reset
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UnreachableException(cause instanceof java.net.http.HttpConnectTimeoutException
                    ? "connect timed out" : cause instanceof java.net.http.HttpTimeoutException ? "request timed out"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
                    cause);
        }
    }

    /** What an HTTP status means for the hub, whichever way it talks to the department. */
    public enum Outcome {
        /** 2xx. */
        OK,
        /** 3xx: the endpoint moved; redirects are not followed, the url parameter must be fixed. */
        MOVED,
        /** 408, 429, 502, 503, 504: the department cannot answer now; ask again later. */
        UNAVAILABLE,
        /** Another 5xx: the department failed on this request; asking again may or may not help. */
        SERVER_ERROR,
        /** Another 4xx (or 1xx): the department refused this request; asking again the same way cannot help. */
        REFUSED;

        public static Outcome of(int status) {
            if (status >= 200 && status < 300) {
                return OK;
            }
            if (status >= 300 && status < 400) {
                return MOVED;
            }
            return switch (status) {
            case 408, 429, 502, 503, 504 -> UNAVAILABLE;
            default -> status >= 500 ? SERVER_ERROR : REFUSED;
            };
        }
    }

    /** An answer: its status, its body (UTF-8 text) and its Location header, if any. */
    public record Answer(int status, String body, String location) {

        public Outcome outcome() {
            return Outcome.of(status);
        }

        /** The status with its reason phrase, for a message ("HTTP 503 Service Unavailable"). */
        public String statusText() {
            org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
            return "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase());
        }
    }

    /**
     * The endpoint could not be reached or did not answer in time: nothing was said, ask again later. The message
     * names the failure ("ConnectException …", "request timed out"), not the request.
     */
    public static final class UnreachableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }

        /** Whether it was a timeout (connecting or waiting for the answer) rather than a refusal or a reset. */
        public boolean timedOut() {
            return getCause() instanceof java.net.http.HttpTimeoutException;
        }
    }
}
