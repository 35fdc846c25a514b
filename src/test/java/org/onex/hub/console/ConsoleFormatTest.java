package org.onex.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.alert.AlertText;
import org.onex.hub.api.QuarantineApi;
import org.onex.hub.alert.Alerts;
import org.onex.hub.deadline.Attribution;
import org.onex.hub.exchange.ExchangeKind;
import org.onex.hub.exchange.ExchangeState;
import org.onex.hub.exchange.Exchanges;
import org.onex.hub.ingest.ProviderEntitlement;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.file.FileReason;
import org.onex.hub.delivery.DeliveryRouter;
import org.onex.hub.notice.Notices;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.RecordType;
import org.onex.hub.schema.Rules;
import org.onex.hub.store.Alert;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Issue 17 item 5: the console writes times in Asia/Shanghai to the second, a period's end as {@code 24:00} of its
 * last day, codes by their labels in Chinese and English, and alerts from their code and arguments. Every constant
 * of every code the console shows has a label in both bundles, so that a new constant without one fails here.
 */
class ConsoleFormatTest {

    private final ConsoleFormat format = new ConsoleFormat(Clock.fixed(Instant.parse("2026-12-03T12:30:00Z"),
            ZoneOffset.UTC), DepartmentRegistry.load(Path.of("config", "departments.yaml")), messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void timesAreBeijingTimeToTheSecondWithoutNanos() {
        assertThat(format.time(Instant.parse("2026-12-03T12:22:18.546617995Z"))).isEqualTo("2026-12-03 20:22:18");
        assertThat(format.time(Instant.parse("2026-11-23T16:00:00Z"))).isEqualTo("2026-11-24 00:00:00");
        assertThat(format.time(null)).isEqualTo("—");
    }

    @Test
    void aDeadlineAtTheEndOfADayIsThatDaysTwentyFourHundred() {
        assertThat(format.deadline(Instant.parse("2026-11-23T16:00:00Z"))).isEqualTo("2026-11-23 24:00");
        assertThat(format.deadline(Instant.parse("2026-12-31T16:00:00Z"))).isEqualTo("2026-12-31 24:00");
        assertThat(format.deadline(Instant.parse("2026-11-23T07:30:05Z"))).as("a period in hours ends any time")
                .isEqualTo("2026-11-23 15:30:05");
        assertThat(format.deadline(null)).isEqualTo("—");
    }

    @Test
    void codesHaveChineseAndEnglishLabels() {
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.label(Attribution.PROVIDER_LATE))).isEqualTo("提供部门迟报");
        assertThat(in(Locale.ENGLISH, () -> format.label(Attribution.PROVIDER_LATE))).isEqualTo("Provider late");
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.label("RecordType", "LICENCE"))).isEqualTo("行政许可");
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.label("RecordType", "PENALTY_DECISION")))
                .isEqualTo("行政处罚决定");
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.label("AlertKind", "OBLIGATION_LATE"))).isEqualTo("超时完成");
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.label("RecordType", "NOT_A_TYPE")))
                .as("an unknown code shows as it is").isEqualTo("NOT_A_TYPE");
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.rule("R-APPROVAL-NOTICE"))).isEqualTo("审批决定告知综合执法局");
    }

    @Test
    void categoriesAreWrittenByNameInOrder() {
        assertThat(in(Locale.SIMPLIFIED_CHINESE,
                () -> format.categories(EnumSet.of(Category.C4, Category.C1, Category.C3))))
                .isEqualTo("C1 规则标准信息、C3 执法局决定信息、C4 统计分析信息");
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.category("C2"))).isEqualTo("C2 部门决定信息");
        assertThat(in(Locale.ENGLISH, () -> format.categories(List.of(Category.C2, Category.C1))))
                .isEqualTo("C1 Rules and standards, C2 Department decisions");
        assertThat(format.categories(List.of())).isEqualTo("—");
    }

    @Test
    void anAlertWithACodeIsRenderedFromItsArgumentsAndOneWithoutShowsItsStoredMessage() {
        AlertText text = AlertText.of(Alerts.OBLIGATION_LATE).rule("R-APPROVAL-NOTICE").text("XK-1")
                .deadline(Instant.parse("2026-11-23T16:00:00Z")).time(Instant.parse("2026-11-25T02:03:04.5Z"))
                .text(2).text(34).label(Attribution.PROVIDER_LATE).build();
        Alert late = alert(text.code(), text.args());
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.alert(late))).isEqualTo("审批决定告知综合执法局超时：XK-1"
                + " 应于 2026-11-23 24:00 前完成，实际 2026-11-25 10:03:04 完成，超时 2 个工作日（34 小时）；原因：提供部门迟报");
        assertThat(in(Locale.ENGLISH, () -> format.alert(late))).isEqualTo("A department's decision reaches the bureau"
                + " late: XK-1 was due 2026-11-23 24:00, done 2026-11-25 10:03:04, 2 working days (34 h) late;"
                + " cause: Provider late");
        AlertText silent = AlertText.of(Alerts.SOURCE_SILENT).unit("scjgj").text("licences").text(3)
                .time(Instant.parse("2026-11-20T01:00:00Z")).build();
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.alert(alert(silent.code(), silent.args()))))
                .startsWith("县市场监管局 licences 已 3 个工作日未报送数据").endsWith("（上次 2026-11-20 09:00:00）");
        Alert old = alert(null, null);
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> format.alert(old))).isEqualTo("中文");
        assertThat(in(Locale.ENGLISH, () -> format.alert(old))).isEqualTo("English");
    }

    @Test
    void everyAlertTextCodeRaisedWithArgumentsHasATextInBothBundles() throws IOException {
        for (String code : List.of(Alerts.OBLIGATION_LATE, Alerts.OBLIGATION_OVERDUE, Alerts.OBLIGATION_REMINDER,
                Alerts.SOURCE_SILENT, Alerts.FILE_REJECTED, Alerts.NO_COMPETENT_DEPARTMENT, Alerts.DELIVERY_STUCK,
                Exchanges.EXCHANGE_OVERDUE, Alerts.SOURCE_UNREACHABLE, Alerts.CHANNEL_UNREACHABLE, Alerts.DELIVERY_DEAD,
                Alerts.ROUTE_START_FAILED, Alerts.SOURCE_STOPPED)) {
            assertThat(bundle("messages.properties")).containsKey("alert.text." + code);
            assertThat(bundle("messages_en.properties")).containsKey("alert.text." + code);
        }
    }

    @Test
    void everyConstantOfEveryCodeTheConsoleShowsHasAChineseAndAnEnglishLabel() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.of(Category.class, RecordType.class, Attribution.class,
                ExchangeKind.class, ExchangeState.class, FileReason.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                keys.add("enum." + type.getSimpleName() + "." + constant.name());
            }
        }
        for (String kind : constants(Alerts.class, Exchanges.class, Notices.class)) {
            if (kind.matches("[A-Z_]+") && !kind.equals(Alerts.BY_HUB)) {
                keys.add("enum.AlertKind." + kind);
            }
        }
        assertThat(QuarantineApi.RULES).contains(Rules.CREDIT_CODE_CHECK, ProviderEntitlement.RULE,
                DeliveryRouter.NO_COMPETENT_DEPARTMENT);
        QuarantineApi.RULES.forEach(rule -> keys.add("enum.Rule." + rule));
        keys.addAll(List.of("enum.Severity.ERROR", "enum.Severity.WARNING"));
        DeliveriesController.STATUSES.forEach(status -> keys.add("enum.DeliveryStatus." + status));
        for (RowOutcome.Status status : RowOutcome.Status.values()) {
            keys.add("enum.RowStatus." + status.name());
        }
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        assertThat(keys).hasSizeGreaterThan(100);
        assertThat(keys).allSatisfy(key -> {
            assertThat(zh.getProperty(key)).as("zh " + key).isNotBlank().matches(".*\\p{IsHan}.*");
            assertThat(en.getProperty(key)).as("en " + key).isNotBlank().doesNotMatch(".*\\p{IsHan}.*");
        });
    }

    private static List<String> constants(Class<?>... holders) {
        List<String> values = new ArrayList<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        values.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return values;
    }

    private static Alert alert(String code, List<String> args) {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        return new Alert(1, Alerts.OBLIGATION_LATE, "WARNING", "scjgj", null, "XK-1", "中文", "OPEN", 1, at, at, null,
                null, null, "R-APPROVAL-NOTICE", "English", null, null, code, args);
    }

    private static <T> T in(Locale locale, Supplier<T> call) {
        LocaleContextHolder.setLocale(locale);
        try {
            return call.get();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleFormatTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** As Spring Boot configures it (application.yaml spring.messages): zh default, no system-locale fallback. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void freshnessBandsColourAUnitsLastRowsByAge() { // the overview (issue 17 item 1), now = 2026-12-03T12:30Z
        assertThat(format.freshness(null)).isEqualTo("none");
        assertThat(format.freshness(Instant.parse("2026-12-02T12:30:00Z"))).as("exactly a day").isEqualTo("fresh");
        assertThat(format.freshness(Instant.parse("2026-12-02T12:29:59Z"))).isEqualTo("stale");
        assertThat(format.freshness(Instant.parse("2026-11-30T12:30:00Z"))).as("three days").isEqualTo("stale");
        assertThat(format.freshness(Instant.parse("2026-11-30T12:29:59Z"))).isEqualTo("old");
    }
}
