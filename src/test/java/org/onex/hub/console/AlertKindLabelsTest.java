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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onex.hub.alert.Alerts;

/** Issue 17 item 5: every kind of alert the hub raises has a name in both bundles, so no page shows a raw code. */
class AlertKindLabelsTest {

    static List<String> kinds() {
        return Arrays.stream(Alerts.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(AlertKindLabelsTest::value).filter(v -> v.matches("[A-Z][A-Z_]+")).toList();
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyAlertKindHasALabel(String bundle) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertThat(kinds()).hasSizeGreaterThan(10).allSatisfy(k -> assertThat(p.getProperty("alertKind." + k))
                .as(bundle + ": alertKind." + k).isNotBlank().isNotEqualTo(k));
    }
}
