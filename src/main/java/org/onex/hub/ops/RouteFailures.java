package org.onex.hub.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToCreateRouteFromTemplateException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.RuntimeCamelException;
import org.onex.hub.alert.Causes;
import org.onex.hub.config.YamlDocument;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells where in a route file the reason a route did not start lies: Camel wraps the template's own message
 * ("data source 'x' is not defined ...", "parameter batchSize 'abc' is not a whole number") in its route
 * creation exceptions, with the route's whole definition in the text. This takes the innermost message and
 * the parameter it names (by name, or by its value in quotes), so that an operator reads
 * {@code routes/x.camel.yaml:12: [0].templatedRoute.parameters[3].value: <the template's message>}.
 */
final class RouteFailures {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(?:env:)?([^}:]+)(?::[^}]*)?}}");

    private RouteFailures() {
    }

    /** The innermost message that is not one of Camel's wrappers; the whole chain when there is none. */
    static String reason(Throwable e) {
        String message = null;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank() && !wrapper(c)) {
                message = c.getMessage();
            }
        }
        return message != null ? message.strip() : Causes.describe(e);
    }

    private static boolean wrapper(Throwable c) {
        return c instanceof FailedToCreateRouteException || c instanceof FailedToCreateRouteFromTemplateException
                || c instanceof FailedToStartRouteException || c.getClass() == RuntimeCamelException.class;
    }

    /**
     * JSON pointer of what {@code reason} is about within entry {@code i}: the value of the parameter the message
     * names (its name as a word, its value quoted, or a placeholder key it uses; the last named wins, as messages
     * start with the department and feed), the parameter list (a mandatory one missing), the template reference,
     * else the entry.
     */
    static String pointer(YamlDocument doc, int i, String reason) {
        JsonNode root = doc.root();
        String entry = root.isArray() ? YamlDocument.pointer(i) : "";
        JsonNode item = root.isArray() ? root.path(i) : root;
        JsonNode templated = item.path("templatedRoute");
        if (!templated.isObject()) {
            return entry;
        }
        String at = entry + "/templatedRoute";
        JsonNode params = templated.path("parameters");
        int best = -1;
        int bestScore = 0;
        int bestPosition = -1;
        for (int j = 0; j < params.size(); j++) {
            String name = params.path(j).path("name").asText("").trim();
            String value = params.path(j).path("value").asText("").trim();
            int score = 0;
            int position = -1;
            if (!name.isEmpty()) {
                Matcher m = Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-])").matcher(reason);
                if (m.find()) {
                    score += 2;
                    position = m.start();
                }
            }
            if (!value.isEmpty()) {
                for (String quoted : new String[] { "'" + value + "'", "\"" + value + "\"", "[" + value + "]" }) {
                    int p = reason.indexOf(quoted);
                    if (p >= 0) {
                        score += 2;
                        position = Math.max(position, p);
                        break;
                    }
                }
                Matcher ph = PLACEHOLDER.matcher(value);
                while (ph.find()) {
                    int p = reason.indexOf(ph.group(1));
                    if (p >= 0) {
                        score += 2;
                        position = Math.max(position, p);
                    }
                }
            }
            if (score > bestScore || score > 0 && score == bestScore && position > bestPosition) {
                best = j;
                bestScore = score;
                bestPosition = position;
            }
        }
        if (best >= 0) {
            return at + "/parameters/" + best + "/value";
        }
        if (reason.contains("mandatory parameters") && params.isArray()) {
            return at + "/parameters";
        }
        String ref = templated.path("routeTemplateRef").asText("");
        if (!ref.isEmpty() && (reason.contains("RouteTemplate") || reason.contains(ref))) {
            return at + "/routeTemplateRef";
        }
        return at;
    }
}
