package org.onex.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.onex.hub.masking.Masking;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubDates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting the templates call as {@code ${@consoleFormat.time(x)}}: local times, ages and names. */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(HubDates.ZONE);

    private final Clock clock;
    private final DepartmentRegistry registry;
    private final MessageSource messages;

    public ConsoleFormat(Clock clock, DepartmentRegistry registry, MessageSource messages) {
        this.clock = clock;
        this.registry = registry;
        this.messages = messages;
    }

    /** The name of an alert kind ({@code alertKind.<KIND>} in the message bundles); the code if it has none. */
    public String alertKind(String kind) {
        return kind == null ? "—"
                : messages.getMessage("alertKind." + kind, null, kind, LocaleContextHolder.getLocale());
    }

    /** Beijing time, as the county reads it. */
    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
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
