package org.onex.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 17 item 3: each quarantine rule is assigned to the one who fixes it. */
class QuarantineControllerTest {

    @Test
    void aDepartmentFixesItsDataAndTheHubAdminItsMappings() {
        assertThat(QuarantineController.actor("CREDIT_CODE_CHECK")).isEqualTo(QuarantineController.Actor.DEPARTMENT);
        assertThat(QuarantineController.actor("ID_NUMBER_CHECK")).isEqualTo(QuarantineController.Actor.DEPARTMENT);
        assertThat(QuarantineController.actor("SOURCE_KEY_MISSING")).isEqualTo(QuarantineController.Actor.DEPARTMENT);
        assertThat(QuarantineController.actor("MAPPING_CODE_UNKNOWN")).isEqualTo(QuarantineController.Actor.HUB_ADMIN);
        assertThat(QuarantineController.actor("CATEGORY_MISMATCH")).isEqualTo(QuarantineController.Actor.HUB_ADMIN);
        assertThat(QuarantineController.actor("NO_COMPETENT_DEPARTMENT"))
                .as("config/matters.yaml names no department for the matter")
                .isEqualTo(QuarantineController.Actor.HUB_ADMIN);
    }
}
