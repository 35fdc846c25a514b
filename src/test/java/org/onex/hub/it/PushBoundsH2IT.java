package org.onex.hub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 13 item 2 on the embedded default store (H2 file). */
class PushBoundsH2IT extends AbstractPushBoundsIT {

    @Override
    Map<String, String> storeSettings() {
        return Map.of();
    }

    @Override
    String storeName() {
        return "H2";
    }

    @Override
    long storeBytes(JdbcTemplate store, Path dataDir) {
        try (var files = Files.list(dataDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hub-store")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
