package org.onex.hub.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.onex.hub.schema.HubDates;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Strictly parsed query parameters of one request: unknown or repeated parameters and malformed
 * values are answered with 400 naming the parameter.
 */
final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    static QueryParams of(HttpServletRequest request, Set<String> allowed) {
        String query = request.getQueryString();
        Map<String, String> values = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) { // a malformed %-escape: the request's fault, not a 500
                    throw ApiException.badParameter(null, "the query string is not percent-encoded: " + e.getMessage());
                }
                if (name.equals(ApiAnswers.PRETTY)) {
                    continue; // any endpoint: indented JSON (ApiAnswers)
                }
                if (!allowed.contains(name)) {
                    throw ApiException.badParameter(name, "unknown parameter '" + name + "'; allowed: "
                            + allowed.stream().sorted().toList());
                }
                if (values.put(name, value) != null) {
                    throw ApiException.badParameter(name, "parameter '" + name + "' is given more than once");
                }
            }
        }
        return new QueryParams(values);
    }

    String text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String oneOf(String name, Enum<?>[] options) {
        String v = text(name);
        if (v != null && Arrays.stream(options).noneMatch(o -> o.name().equals(v))) {
            throw ApiException.badParameter(name, name + " '" + v + "' is not one of "
                    + Arrays.stream(options).map(Enum::name).toList());
        }
        return v;
    }

    String matching(String name, String regex, String expected) {
        String v = text(name);
        if (v != null && !v.matches(regex)) {
            throw ApiException.badParameter(name, name + " '" + v + "' is not " + expected);
        }
        return v;
    }

    Instant instant(String name) {
        String v = text(name);
        try {
            return v == null ? null : HubDates.parseInstant(v, HubDates.ZONE);
        } catch (RuntimeException e) {
            throw ApiException.badParameter(name, name + " '" + v + "' is not a date or time: " + e.getMessage());
        }
    }

    int limit(int dflt, int max) {
        String v = text("limit");
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > max) {
                throw ApiException.badParameter("limit", "limit must be between 1 and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("limit", "limit '" + v + "' is not a number");
        }
    }
}
