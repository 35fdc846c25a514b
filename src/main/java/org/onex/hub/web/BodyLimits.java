package org.onex.hub.web;

/**
 * How large a request body may be, by where it goes: a push ({@code /api/v1/ingest/…}, NDJSON or JSON, read as a
 * stream), an attachment upload ({@code PUT /api/v1/attachments}: any bytes, judged by their content) or any other
 * JSON body. One place that the rate-limit filter (by Content-Length, before the body is read) and the request filter
 * (while reading it) both ask.
 *
 * @param json       {@code hub.security.max-body-size}
 * @param push       {@code hub.push.max-body-size}
 * @param attachment {@code hub.exchanges.max-attachment-size}
 */
public record BodyLimits(long json, long push, long attachment) {

    public static final String PUSH_PREFIX = "/api/v1/ingest/";
    public static final String ATTACHMENTS = "/api/v1/attachments";

    /** What kind of body a request to {@code uri} carries. */
    public enum Kind { JSON, PUSH, ATTACHMENT }

    public static Kind kind(String uri) {
        if (uri.startsWith(PUSH_PREFIX)) {
            return Kind.PUSH;
        }
        return uri.equals(ATTACHMENTS) ? Kind.ATTACHMENT : Kind.JSON;
    }

    /** The largest body a request to {@code uri} may carry. */
    public long limit(String uri) {
        return switch (kind(uri)) {
        case PUSH -> push;
        case ATTACHMENT -> attachment;
        case JSON -> json;
        };
    }

    /** The setting that sets {@link #limit} for {@code uri}, for a refusal's message. */
    public static String setting(String uri) {
        return switch (kind(uri)) {
        case PUSH -> "hub.push.max-body-size";
        case ATTACHMENT -> "hub.exchanges.max-attachment-size";
        case JSON -> "hub.security.max-body-size";
        };
    }
}
