package org.onex.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onex.hub.alert.Alerts;
import org.onex.hub.policy.Decision;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Violation;

/**
 * R-CATEGORIES on the way in. The start-up checks already refuse a mapping whose category its department
 * may not provide, so this hook is the last line when policy and registry drift at run time; the policy
 * decision itself is tested in SharingEnforcerTest, here only what the hook does with it.
 */
class ProviderEntitlementTest {

    private final SharingEnforcer enforcer = mock(SharingEnforcer.class);
    private final Alerts alerts = mock(Alerts.class);
    private final HubRecord camera = mock(HubRecord.class);

    @Test
    void aCategoryTheDepartmentMayNotProvideQuarantinesTheRowAndRaisesAnAlert() {
        when(camera.category()).thenReturn(Category.C6);
        when(enforcer.mayProvide("nyncj", Category.C6)).thenReturn(Decision.deny("not entitled to provide C6",
                "config/sharing-policy.yaml:44 categories.C6.providers"));

        List<Violation> violations = new ProviderEntitlement(enforcer, alerts).check("nyncj", "cameras", camera);

        assertThat(violations).extracting(Violation::rule, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_ENTITLED_TO_PROVIDE", "not entitled to provide C6"));
        assertThat(violations.get(0).severity()).isEqualTo(Violation.Severity.ERROR);
        verify(alerts).warning(eq(Alerts.NOT_ENTITLED_TO_PROVIDE), eq("nyncj"), eq("cameras"), eq("C6"),
                contains("not entitled to provide C6"));
    }

    @Test
    void anEntitledProviderPassesWithoutAnAlert() {
        when(camera.category()).thenReturn(Category.C2);
        when(enforcer.mayProvide("scjgj", Category.C2)).thenReturn(Decision.allow());

        assertThat(new ProviderEntitlement(enforcer, alerts).check("scjgj", "licences", camera)).isEmpty();
        verify(alerts, never()).warning(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
    }
}
