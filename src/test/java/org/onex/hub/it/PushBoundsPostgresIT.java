package org.onex.hub.it;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 13 item 2 on the production store (PostgreSQL). */
class PushBoundsPostgresIT extends AbstractPushBoundsIT {

    @Override
    Map<String, String> storeSettings() {
        return Map.of("spring.datasource.url", TestDatabases.freshPostgres("hub_push_bounds"),
                "spring.datasource.username", "postgres");
    }

    @Override
    String storeName() {
        return "PostgreSQL";
    }

    @Override
    long storeBytes(JdbcTemplate store, Path dataDir) {
        return store.queryForObject("SELECT pg_database_size(current_database())", Long.class);
    }
}
