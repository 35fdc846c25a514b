package org.onex.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.onex.hub.alert.AlertText;
import org.onex.hub.masking.Masking;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubDates;
import org.onex.hub.store.Alert;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting every console page calls as {@code ${@consoleFormat.time(x)}}: times in Asia/Shanghai to the second,
 * deadlines, ages, names, and the labels of codes (enum constants, categories, policy rules, alert kinds) from the
 * message bundles ({@code enum.<Type>.<CODE>}, {@code policy.<rule ID>}). The REST API keeps the codes and ISO
 * instants; only the console localises them.
 */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(HubDates.ZONE);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;
    private final DepartmentRegistry registry;
    private final MessageSource messages;

    public ConsoleFormat(Clock clock, DepartmentRegistry registry, MessageSource messages) {
        this.clock = clock;
        this.registry = registry;
        this.messages = messages;
    }

    /** The name of an alert kind in the console's language ({@code enum.AlertKind.<KIND>}); the code if none. */
    public String alertKind(String kind) {
        return kind == null ? "—" : label("AlertKind", kind);
    }

    /** Freshness bands of a unit's last rows (the overview's colours): within a day fresh, within three days stale. */
    static final Duration FRESH = Duration.ofHours(24);
    static final Duration STALE = Duration.ofHours(72);

    /** The band of rows last received at {@code at}: fresh, stale, old, or none when nothing came yet. */
    public String freshness(Instant at) {
        if (at == null) {
            return "none";
        }
        Duration age = Duration.between(at, clock.instant());
        return age.compareTo(FRESH) <= 0 ? "fresh" : age.compareTo(STALE) <= 0 ? "stale" : "old";
    }

    /** Beijing time to the second, as the county reads it. */
    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /**
     * A due time: a period ends at 24:00 of its last day (POLICY "Counting periods"), stored as 00:00 of the next
     * day, and written as that last day's {@code 24:00}; any other time as {@link #time}.
     */
    public String deadline(Instant at) {
        if (at == null) {
            return "—";
        }
        ZonedDateTime local = at.atZone(HubDates.ZONE);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return DAY.format(local.minusDays(1)) + " 24:00";
        }
        return TIME.format(at);
    }

    /** The label of an enum constant ({@code enum.<simple type name>.<NAME>}); its name when there is none. */
    public String label(Enum<?> value) {
        return value == null ? "—" : label(value.getDeclaringClass().getSimpleName(), value.name());
    }

    /** The label of a code kept as text ({@code label('RecordType', 'LICENCE')} → 行政许可); the code if none. */
    public String label(String type, String code) {
        if (code == null) {
            return "—";
        }
        return messages.getMessage("enum." + type + "." + code, null, code, LocaleContextHolder.getLocale());
    }

    /** A category with its name: "C2 部门决定信息" / "C2 Department decisions". */
    public String category(Object category) {
        return category == null ? "—" : category + " " + label("Category", category.toString());
    }

    /** Categories by name, in order, joined as the language writes a list. */
    public String categories(Collection<?> categories) {
        if (categories == null || categories.isEmpty()) {
            return "—";
        }
        return categories.stream().map(Object::toString).sorted().map(this::category)
                .collect(Collectors.joining(zh() ? "、" : ", "));
    }

    /** The name of a policy rule (POLICY.md), e.g. R-APPROVAL-NOTICE → 审批决定告知; the ID if it has none. */
    public String rule(String ruleId) {
        return ruleId == null ? "" : messages.getMessage("policy." + ruleId, null, ruleId,
                LocaleContextHolder.getLocale());
    }

    /**
     * What an alert says in the console's language: its message code and typed arguments through the bundle
     * ({@code alert.text.<code>}, see {@link AlertText}); an alert without a code (or with a code the bundle lacks)
     * shows its stored Chinese or English message.
     */
    public String alert(Alert a) {
        String stored = pick(a.message(), a.messageEn());
        if (a.textCode() == null) {
            return stored;
        }
        Object[] args = a.textArgs().stream().map(this::argument).toArray();
        return messages.getMessage("alert.text." + a.textCode(), args, stored, LocaleContextHolder.getLocale());
    }

    /** One argument of an {@link AlertText}: its type prefix says how to write it. */
    String argument(String arg) {
        String value = arg.length() < 2 ? arg : arg.substring(2);
        return switch (arg.length() < 2 ? "" : arg.substring(0, 2)) {
            case "t:" -> instant(value).map(this::time).orElse(value);
            case "d:" -> instant(value).map(this::deadline).orElse(value);
            case "u:" -> department(value);
            case "r:" -> rule(value);
            case "e:" -> label(value.substring(0, Math.max(0, value.indexOf('.'))),
                    value.substring(value.indexOf('.') + 1));
            case "s:" -> masked(value);
            default -> masked(arg);
        };
    }

    /** A text of the bundles with its arguments, in the console's language (flash messages of actions). */
    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static Optional<Instant> instant(String iso) {
        try {
            return Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // shown as it was stored rather than failing the page
        }
    }

    /** A quarantine reason's rule by its name ({@code enum.Rule.<CODE>}), e.g. 统一社会信用代码校验位错误. */
    public String violation(String rule) {
        return label("Rule", rule);
    }

    /** How long ago: "5 分钟前" / "5 min ago". */
    public String age(Instant at) {
        if (at == null) {
            return "—";
        }
        boolean zh = zh();
        Duration d = Duration.between(at, clock.instant());
        if (d.isNegative() || d.toSeconds() < 60) {
            return zh ? Math.max(0, d.toSeconds()) + " 秒前" : Math.max(0, d.toSeconds()) + " s ago";
        }
        if (d.toMinutes() < 120) {
            return zh ? d.toMinutes() + " 分钟前" : d.toMinutes() + " min ago";
        }
        if (d.toHours() < 72) {
            return zh ? d.toHours() + " 小时前" : d.toHours() + " h ago";
        }
        return zh ? d.toDays() + " 天前" : d.toDays() + " days ago";
    }

    /** The department's name in the console's language; the code if unknown. */
    public String department(String code) {
        if (code == null) {
            return "—";
        }
        return registry.find(code).map(this::name).orElse(code);
    }

    public String name(Department d) {
        return zh() ? d.nameZh() : d.nameEn();
    }

    /** A text that may quote personal data (a quarantine reason), with ID and mobile numbers masked. */
    public String masked(String text) {
        return text == null ? "" : Masking.maskText(text);
    }

    /** Text of the console's language where a Chinese and an English version exist. */
    public String pick(String zhText, String enText) {
        return zh() || enText == null || enText.isBlank() ? zhText : enText;
    }

    private static boolean zh() {
        return !Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
