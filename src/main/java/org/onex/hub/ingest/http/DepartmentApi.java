package org.onex.hub.ingest.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.onex.hub.connect.DepartmentHttp;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One department HTTP API: GETs one page ({@link DepartmentHttp}: one request per call, no redirects) and sorts
 * every failure into {@link ApiUnavailableException} (worth retrying: unreachable, or an answer the shared
 * classification calls unavailable or a server error) or {@link ApiRefusedException} (stop the feed).
 */
final class DepartmentApi {

    private static final int SNIPPET = 200;
    /** Decimals as written (12.50 stays 12.50): amounts keep their scale. Immutable and thread-safe. */
    private static final ObjectReader JSON = HubJson.mapper().reader().with(JsonNodeFactory.withExactBigDecimals(true));

    private final HttpFeedSpec spec;
    private final DepartmentHttp http;

    DepartmentApi(HttpFeedSpec spec) {
        this.spec = spec;
        this.http = new DepartmentHttp(spec.connectTimeout(), spec.readTimeout());
    }

    /** One page of rows (field names case-insensitive) and the token of the next page, null on the last. */
    record Page(List<Map<String, Object>> rows, String next) {
    }

    Page fetch(String since, String page) {
        String get = "GET " + spec.endpoint();
        DepartmentHttp.Answer answer;
        try {
            answer = http.get(spec.pageUri(since, page), spec.authHeader() == null ? Map.of()
                    : Map.of(spec.authHeader(), spec.authValue()));
        } catch (DepartmentHttp.UnreachableException e) {
            throw new ApiUnavailableException(get + (e.timedOut() ? " timed out: " : " failed: ") + e.getMessage(), e);
        }
        return read(get, answer);
    }

    private Page read(String get, DepartmentHttp.Answer answer) {
        int status = answer.status();
        String body = answer.body();
        String from = answer.statusText() + " from " + get;
        switch (answer.outcome()) {
        case UNAVAILABLE, SERVER_ERROR -> throw new ApiUnavailableException(from + snippet(body), null);
        case MOVED -> throw new ApiRefusedException(from + ": the API moved" + (answer.location() == null ? ""
                : " to " + spec.mask(answer.location()).replaceAll("\\?.*", "")) + "; fix the url parameter");
        case REFUSED -> throw new ApiRefusedException(from + snippet(body) + ": the department API refused the hub; "
                + fix(status));
        case OK -> {
        }
        }
        if (status == 204) {
            return new Page(List.of(), null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isContainerNode()) {
            throw new ApiRefusedException("response of " + get + " is not JSON" + snippet(body)
                    + "; check the url and the API contract with the department");
        }
        JsonNode items = root.at(spec.itemsPointer());
        if (!items.isArray()) {
            throw new ApiRefusedException("response of " + get + " has no array at " + spec.itemsPointer()
                    + "; set itemsPointer to where the API puts its rows");
        }
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                throw new ApiRefusedException("item " + (i + 1) + " at " + spec.itemsPointer() + " of " + get
                        + " is not a JSON object; ask the department to send each row as an object of fields");
            }
            rows.add(row(items.get(i)));
        }
        return new Page(rows, next(get, root.at(spec.nextPointer())));
    }

    private String next(String get, JsonNode token) {
        if (token.isMissingNode() || token.isNull()) {
            return null;
        }
        if (!token.isValueNode()) {
            throw new ApiRefusedException("the next-page token at " + spec.nextPointer() + " of " + get
                    + " is not text or a number; set nextPointer to the token");
        }
        String text = token.asText();
        return text.isEmpty() ? null : text;
    }

    /** JSON values as the mappings read them: text, Long or BigDecimal, Boolean; nested values as JSON text. */
    private static Map<String, Object> row(JsonNode item) {
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        item.properties().forEach(f -> row.put(f.getKey(), value(f.getValue())));
        return row;
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.toString();
    }

    private static String fix(int status) {
        return switch (status) {
        case 401, 403 -> "fix the credentials (authHeader, authValue)";
        case 404, 410 -> "fix the url parameter";
        default -> "check the request (sinceParam, limitParam, pageParam, pageSize) with the department";
        };
    }

    /** The start of a response body for an operator, with the credential masked should the API echo it. */
    private String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String s = spec.mask(body.strip()).replaceAll("\\s+", " ");
        return " (response: " + (s.length() > SNIPPET ? s.substring(0, SNIPPET) + "…" : s) + ")";
    }
}
