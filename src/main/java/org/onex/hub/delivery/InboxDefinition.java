package org.onex.hub.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A department's inbox table, declared in {@code config/inboxes/<dept>.yaml} (JDBC channel):
 *
 * <pre>
 * table: HUB_INBOX
 * keyColumn: DELIVERY_KEY      # UNIQUE in the table: the hub's idempotency key, so a retry adds nothing
 * ackColumn: ACK_AT            # optional: the department sets it when it has taken the decision in
 * columns:                     # inbox column: value from the delivery
 *   DELIVERY_KEY: delivery.key
 *   CF_WSH: record.document.number
 *   CF_NR_FK: record.body.CF_NR_FK.amount
 *   PAYLOAD: record            # the whole envelope as JSON text
 * </pre>
 *
 * Values are {@code delivery.key|deliveryId|recordId|version|versionId|routeReason}, or
 * {@code record[.path]} into the record envelope (schema v1). Identifiers are checked to be plain SQL
 * names, since they are written into the statement.
 */
public record InboxDefinition(Path file, String table, String keyColumn, String ackColumn, Map<String, String> columns) {

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?";

    public static InboxDefinition load(Path file) {
        YamlDocument doc = YamlDocument.load(file);
        JsonNode root = doc.root();
        List<Problem> problems = new ArrayList<>();
        String table = name(doc, "/table", problems);
        String key = name(doc, "/keyColumn", problems);
        String ack = root.hasNonNull("ackColumn") ? name(doc, "/ackColumn", problems) : null;
        Map<String, String> columns = new LinkedHashMap<>();
        JsonNode cols = root.path("columns");
        if (!cols.isObject() || cols.isEmpty()) {
            problems.add(doc.problem("/columns", "expected a map of inbox column: value"));
        } else {
            cols.fields().forEachRemaining(e -> {
                String at = "/columns/" + e.getKey();
                String value = e.getValue().asText("");
                if (!e.getKey().matches(NAME)) {
                    problems.add(doc.problem(at, "'" + e.getKey() + "' is not a plain column name"));
                } else if (!value.matches("delivery\\.(key|deliveryId|recordId|version|versionId|routeReason)"
                        + "|record(\\.[A-Za-z0-9_]+)*")) {
                    problems.add(doc.problem(at, "value '" + value + "' is not delivery.<key|deliveryId|recordId|"
                            + "version|versionId|routeReason> or record[.path]"));
                }
                columns.put(e.getKey(), value);
            });
        }
        if (key != null && !columns.containsKey(key)) {
            problems.add(doc.problem("/keyColumn", "keyColumn " + key + " is not among the columns"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new InboxDefinition(file, table, key, ack, Map.copyOf(columns));
    }

    private static String name(YamlDocument doc, String pointer, List<Problem> problems) {
        String v = doc.root().at(pointer).asText("");
        if (!v.matches(NAME)) {
            problems.add(doc.problem(pointer, "expected a plain SQL name, found '" + v + "'"));
            return null;
        }
        return v;
    }
}
