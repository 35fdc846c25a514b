package org.onex.hub.ingest;

import java.util.List;

import org.onex.hub.alert.Alerts;
import org.onex.hub.policy.Decision;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Violation;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * R-CATEGORIES on the way in: a row of a category its department may not provide (pushed or polled
 * alike) is quarantined with the reason "not entitled to provide C6" and raises an alert, before any
 * other hook routes or times it.
 */
@Component
@Order(5)
public class ProviderEntitlement implements IngestHook {

    public static final String RULE = "NOT_ENTITLED_TO_PROVIDE";

    private final SharingEnforcer enforcer;
    private final Alerts alerts;

    public ProviderEntitlement(SharingEnforcer enforcer, Alerts alerts) {
        this.enforcer = enforcer;
        this.alerts = alerts;
    }

    @Override
    public List<Violation> check(String department, String feed, HubRecord record) {
        Decision decision = enforcer.mayProvide(department, record.category());
        if (decision.allowed()) {
            return List.of();
        }
        alerts.warning(Alerts.NOT_ENTITLED_TO_PROVIDE, department, feed, record.category().name(),
                decision.reason() + ": " + decision.detail());
        return List.of(new Violation("category", RULE, Violation.Severity.ERROR, decision.reason()));
    }
}
