package org.onex.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onex.hub.alert.Alerts;

/**
 * Issue 17 items 3 and 5: every kind of alert and every quarantine rule has a name in both bundles, so no page shows
 * a raw code, and each rule is assigned to the one who fixes it.
 */
class ConsoleLabelsTest {

    static List<String> kinds() {
        return constants(Alerts.class);
    }

    static List<String> rules() {
        return java.util.stream.Stream.concat(constants(org.onex.hub.schema.Rules.class).stream(),
                java.util.stream.Stream.concat(constants(org.onex.hub.mapping.Rules.class).stream(), java.util.stream
                        .Stream.of(org.onex.hub.delivery.DeliveryRouter.NO_COMPETENT_DEPARTMENT,
                                org.onex.hub.ingest.ProviderEntitlement.RULE))).toList();
    }

    private static List<String> constants(Class<?> type) {
        return Arrays.stream(type.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ConsoleLabelsTest::value).filter(v -> v.matches("[A-Z][A-Z_]+")).toList();
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyAlertKindHasALabel(String bundle) throws IOException {
        Properties p = bundle(bundle);
        assertThat(kinds()).hasSizeGreaterThan(10).allSatisfy(k -> assertThat(p.getProperty("alertKind." + k))
                .as(bundle + ": alertKind." + k).isNotBlank().isNotEqualTo(k));
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyQuarantineRuleHasALabel(String bundle) throws IOException {
        Properties p = bundle(bundle);
        assertThat(rules()).hasSizeGreaterThan(15).allSatisfy(k -> assertThat(p.getProperty("qrule." + k))
                .as(bundle + ": qrule." + k).isNotBlank().isNotEqualTo(k));
    }

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
