package org.onex.hub.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every bad request to {@code /api/**} is a 4xx problem body, before the API's routes read it.
 * An authorized request is checked here, after authentication, rate limit and roles, so a caller without a key
 * still learns nothing but 401:
 * <ul>
 * <li>a query string whose percent-escapes are malformed or decode to invalid UTF-8: 400 naming the parameter;</li>
 * <li>a body without a JSON content type (a form, text, XML; NDJSON too for pushes) or with a charset other than
 * UTF-8: 415 naming what is accepted — before anything parses it, so neither Camel's form binding nor Tomcat's
 * parameter parser ever sees it, and nothing quotes it in a log;</li>
 * <li>a body shorter than its Content-Length (the client stopped sending): 400 with both numbers;</li>
 * <li>a body that is not valid UTF-8 (a GBK export declared UTF-8, a truncated multi-byte character): 400 naming
 * the byte offset.</li>
 * </ul>
 * The body is read once, at most the request's size limit ({@code hub.security.max-body-size}, pushes
 * {@code hub.push.max-body-size}; a larger one is 413), and handed on as UTF-8 from memory.
 */
public final class ApiRequestFilter extends OncePerRequestFilter {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);
    private static final List<MediaType> PUSH = List.of(MediaType.APPLICATION_JSON,
            MediaType.parseMediaType("application/x-ndjson"), MediaType.parseMediaType("application/ndjson"),
            MediaType.parseMediaType("application/jsonl"));

    private final BodyLimits limits;

    public ApiRequestFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String badParameter = badQueryParameter(request.getQueryString());
        if (badParameter != null) {
            ApiProblems.write(response, 400, "Bad Request", "query parameter '" + badParameter
                    + "' is not percent-encoded UTF-8 (encode each byte of its UTF-8 form as %XX)");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared == 0 || declared < 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        String uri = request.getRequestURI();
        BodyLimits.Kind kind = BodyLimits.kind(uri);
        // an attachment is any bytes, judged by their content where it is stored; every other body is JSON
        String refusal = kind == BodyLimits.Kind.ATTACHMENT ? null
                : refusedContentType(request.getContentType(), kind == BodyLimits.Kind.PUSH ? PUSH : JSON);
        if (refusal != null) {
            ApiProblems.write(response, 415, "Unsupported Media Type", refusal);
            return;
        }
        long limit = limits.limit(uri);
        byte[] body = read(request.getInputStream(), limit);
        if (body == null) {
            ApiProblems.write(response, 413, "Content Too Large", "the request body is larger than " + limit + " bytes ("
                    + BodyLimits.setting(uri) + ")");
            return;
        }
        if (declared > 0 && body.length < declared) {
            ApiProblems.write(response, 400, "Bad Request", "the body ended after " + body.length
                    + " bytes, but Content-Length said " + declared);
            return;
        }
        long bad = kind == BodyLimits.Kind.ATTACHMENT ? -1 : invalidUtf8At(body);
        if (bad >= 0) {
            ApiProblems.write(response, 400, "Bad Request", "the body is not valid UTF-8 at byte " + bad
                    + " (counted from 0): send UTF-8, e.g. convert a GBK or GB18030 export first");
            return;
        }
        chain.doFilter(new Utf8BodyRequest(request, body), response);
    }

    /** Null if the content type is one of {@code accepted} with no charset or UTF-8; else why not. */
    static String refusedContentType(String contentType, List<MediaType> accepted) {
        String names = String.join(" or ", accepted.stream().map(MediaType::toString).toList());
        if (contentType == null || contentType.isBlank()) {
            return "a request body needs a Content-Type: send " + names + " (UTF-8)";
        }
        String[] parts = contentType.split(";");
        MediaType type;
        try {
            type = MediaType.parseMediaType(parts[0]);
        } catch (InvalidMediaTypeException e) {
            return "Content-Type '" + contentType + "' is not a media type: send " + names + " (UTF-8)";
        }
        if (accepted.stream().noneMatch(a -> a.equalsTypeAndSubtype(type))) {
            return "Content-Type '" + type.getType() + "/" + type.getSubtype() + "' is not accepted here: send "
                    + names + " (UTF-8)";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                if (!isUtf8(charset)) {
                    return "charset '" + charset + "' is not accepted: send the body as UTF-8 (charset=UTF-8, or no charset)";
                }
            }
        }
        return null;
    }

    private static boolean isUtf8(String charset) {
        try {
            return Charset.forName(charset.trim()).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** At most {@code limit} bytes of the body, or null when there are more. */
    private static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > limit) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the client stopped sending (EOF before Content-Length, a reset): what came is checked against it
        }
        return out.toByteArray();
    }

    /** The offset of the first byte that is not valid UTF-8, or -1. */
    static long invalidUtf8At(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                CoderResult end = decoder.flush(out);
                return end.isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /** The name of the first query parameter whose escapes are malformed or are not UTF-8, or null. */
    static String badQueryParameter(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!decodes(name)) {
                return "(its name)";
            }
            if (eq >= 0 && !decodes(pair.substring(eq + 1))) {
                String decoded = java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
                return decoded.length() > 64 ? decoded.substring(0, 64) : decoded;
            }
        }
        return null;
    }

    private static boolean decodes(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return invalidUtf8At(bytes.toByteArray()) < 0;
    }
}
