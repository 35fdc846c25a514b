package org.onex.hub.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.onex.hub.config.YamlDocument;

/** Year files written by tests, and instants in Asia/Shanghai. */
final class CalendarFixtures {

    /** The built-in calendar alone. */
    static final WorkingCalendar BUILT_IN = CalendarLoader.load((Path) null);

    private CalendarFixtures() {
    }

    /** A year file citing a test notice, with {@code holidays} (YAML list items, indented by two). */
    static String yearFile(int year, String holidays) {
        return "year: " + year + "\n"
                + "notices:\n"
                + "  - title: 测试通知\n"
                + "    number: 测试〔" + year + "〕1号\n"
                + "    published: " + (year - 1) + "-11-01\n"
                + (holidays.isEmpty() ? "holidays: []\n" : "holidays:\n" + holidays);
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files given as name and text, parsed when the loader asks. */
    static List<Supplier<YamlDocument>> files(String... nameThenText) {
        List<Supplier<YamlDocument>> out = new ArrayList<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            Path name = Path.of(nameThenText[i]);
            String text = nameThenText[i + 1];
            out.add(() -> YamlDocument.parse(name, text));
        }
        return out;
    }

    /** {@code 2024-02-09T15:00} in Asia/Shanghai. */
    static Instant cst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
