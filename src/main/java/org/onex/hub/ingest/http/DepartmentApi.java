package org.onex.hub.ingest.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One department HTTP API: GETs one page and sorts every failure into {@link ApiUnavailableException}
 * (worth retrying) or {@link ApiRefusedException} (stop the feed). Makes exactly one request per call:
 * retries belong to the route's error policy alone (STYLE.md 3: one retry layer). The JDK client is
 * immutable and thread-safe; it follows no redirects, so the credential never goes to another host.
 */
final class DepartmentApi {

    private static final int SNIPPET = 200;
    /** Decimals as written (12.50 stays 12.50): amounts keep their scale. Immutable and thread-safe. */
    private static final ObjectReader JSON = HubJson.mapper().reader().with(JsonNodeFactory.withExactBigDecimals(true));

    private final HttpFeedSpec spec;
    private final HttpClient client;

    DepartmentApi(HttpFeedSpec spec) {
        this.spec = spec;
        this.client = HttpClient.newBuilder().connectTimeout(spec.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** One page of rows (field names case-insensitive) and the token of the next page, null on the last. */
    record Page(List<Map<String, Object>> rows, String next) {
    }

    Page fetch(String since, String page) {
        HttpRequest.Builder request = HttpRequest.newBuilder(spec.pageUri(since, page)).GET()
                .timeout(spec.readTimeout()).header("Accept", "application/json");
        if (spec.authHeader() != null) {
            request.header(spec.authHeader(), spec.authValue());
        }
        String get = "GET " + spec.endpoint();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ApiUnavailableException(get + " timed out: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ApiUnavailableException(get + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnavailableException(get + " was interrupted", e);
        }
        return read(get, response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(null));
    }

    private Page read(String get, int status, String body, String location) {
        String from = "HTTP " + status + reason(status) + " from " + get;
        if (status == 408 || status == 429 || status >= 500) {
            throw new ApiUnavailableException(from + snippet(body), null);
        }
        if (status >= 300 && status < 400) {
            throw new ApiRefusedException(from + ": the API moved" + (location == null ? "" : " to "
                    + spec.mask(location).replaceAll("\\?.*", "")) + "; fix the url parameter");
        }
        if (status < 200 || status >= 300) {
            throw new ApiRefusedException(from + snippet(body) + ": the department API refused the hub; "
                    + fix(status));
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

    private static String reason(int status) {
        return switch (status) {
        case 400 -> " Bad Request";
        case 401 -> " Unauthorized";
        case 403 -> " Forbidden";
        case 404 -> " Not Found";
        case 405 -> " Method Not Allowed";
        case 406 -> " Not Acceptable";
        case 408 -> " Request Timeout";
        case 410 -> " Gone";
        case 422 -> " Unprocessable Entity";
        case 429 -> " Too Many Requests";
        case 500 -> " Internal Server Error";
        case 502 -> " Bad Gateway";
        case 503 -> " Service Unavailable";
        case 504 -> " Gateway Timeout";
        default -> "";
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
