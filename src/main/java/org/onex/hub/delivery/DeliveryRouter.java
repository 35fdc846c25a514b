package org.onex.hub.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.ingest.IngestHook;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Violation;
import org.onex.hub.store.DeliveryStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Routes every C3 decision the bureau provides to its competent department (item 2) and plans
 * its delivery in the decision's own ingest transaction (R-PENALTY-FEEDBACK):
 * <ol>
 * <li>by matter code through {@code config/matters.yaml};</li>
 * <li>else by the licence the decision concerns: the department that issued the C2 record with the
 * subject's credit code and the licence number in {@code body.RELATED_LICENCE_NO} (as its document
 * number or its XK_XKBH licence number);</li>
 * <li>else the row is quarantined with rule {@value #NO_COMPETENT_DEPARTMENT} and an alert is raised:
 * nothing is dropped, and a replay after the table is completed delivers it.</li>
 * </ol>
 */
@Component
@org.springframework.core.annotation.Order(10) // before the deadline engine, which reads the planned deliveries
public class DeliveryRouter implements IngestHook {

    public static final String NO_COMPETENT_DEPARTMENT = "NO_COMPETENT_DEPARTMENT";
    public static final String RELATED_LICENCE = "RELATED_LICENCE_NO";

    private final MatterTable matters;
    private final DepartmentRegistry registry;
    private final DeliveryStore deliveries;
    private final Alerts alerts;

    public DeliveryRouter(MatterTable matters, DepartmentRegistry registry, DeliveryStore deliveries, Alerts alerts) {
        this.matters = matters;
        this.registry = registry;
        this.deliveries = deliveries;
        this.alerts = alerts;
    }

    /** A decision the hub delivers: C3 provided by the bureau. */
    boolean applies(String department, HubRecord record) {
        return record.category() == Category.C3 && department.equals(registry.bureau().code());
    }

    @Override
    public List<Violation> check(String department, String feed, HubRecord record) {
        if (!applies(department, record) || route(record).isPresent()) {
            return List.of();
        }
        String matter = record.document() == null ? null : record.document().matterCode();
        String message = "no competent department: matter code " + (matter == null ? "(none)" : "'" + matter + "'")
                + " is not in config/matters.yaml and no licence " + licenceRef(record)
                + " is in the hub; complete the table or the decision, then replay";
        Object licence = record.body() == null ? null : record.body().get(RELATED_LICENCE);
        alerts.error(Alerts.NO_COMPETENT_DEPARTMENT, department, feed, record.identity().sourceKey(), message,
                AlertText.of(Alerts.NO_COMPETENT_DEPARTMENT).text(record.identity().sourceKey())
                        .text(matter == null ? "—" : matter).text(licence == null ? "—" : licence)
                        .text(record.subject() == null || record.subject().creditCode() == null ? "—"
                                : record.subject().creditCode()).build());
        return List.of(Violation.error("document.matterCode", NO_COMPETENT_DEPARTMENT, message));
    }

    @Override
    public void stored(String department, String feed, HubRecord record, long recordId, int version, Instant now) {
        if (!applies(department, record)) {
            return;
        }
        Route route = route(record).orElseThrow(() -> new IllegalStateException(
                "decision " + record.identity().sourceKey() + " was stored without a route"));
        deliveries.plan(recordId, version, route.department(), route.reason(),
                record.times() == null ? null : record.times().decidedAt(), now);
    }

    /** The competent department of a decision and why, if it can be found. */
    public Optional<Route> route(HubRecord record) {
        String matter = record.document() == null ? null : record.document().matterCode();
        Optional<String> byMatter = matters.department(matter);
        if (byMatter.isPresent()) {
            return Optional.of(new Route(byMatter.get(), "matter code " + matter + " (config/matters.yaml)"));
        }
        String creditCode = record.subject() == null ? null : record.subject().creditCode();
        Object licence = record.body() == null ? null : record.body().get(RELATED_LICENCE);
        if (creditCode == null || licence == null || licence.toString().isBlank()) {
            return Optional.empty();
        }
        String number = licence.toString().trim();
        for (String envelope : deliveries.licenceEnvelopes(creditCode)) {
            JsonNode issued = read(envelope);
            if (number.equals(issued.at("/document/number").asText(null))
                    || number.equals(issued.at("/body/XK_XKBH").asText(null))) {
                String issuer = issued.at("/identity/department").asText();
                if (registry.find(issuer).map(d -> d.consumes().contains(Category.C3)).orElse(false)) {
                    return Optional.of(new Route(issuer, "licence " + number + " of " + creditCode + " issued by "
                            + issuer + (matter == null ? "" : " (matter code " + matter + " not in config/matters.yaml)")));
                }
            }
        }
        return Optional.empty();
    }

    private static String licenceRef(HubRecord record) {
        Object licence = record.body() == null ? null : record.body().get(RELATED_LICENCE);
        String creditCode = record.subject() == null ? null : record.subject().creditCode();
        return (licence == null ? "(no licence number)" : "'" + licence + "'") + " of "
                + (creditCode == null ? "(no credit code)" : creditCode);
    }

    private static JsonNode read(String envelope) {
        try {
            return HubJson.mapper().readTree(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored envelope is not JSON", e);
        }
    }

    /** Where a decision goes and why (shown in the delivery list). */
    public record Route(String department, String reason) {
    }
}
