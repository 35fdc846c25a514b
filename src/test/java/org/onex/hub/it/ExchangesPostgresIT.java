package org.onex.hub.it;

import java.util.Map;

/** Issue 15 on the production store (PostgreSQL). */
class ExchangesPostgresIT extends AbstractExchangesIT {

    @Override
    Map<String, String> storeSettings() {
        return Map.of("spring.datasource.url", TestDatabases.freshPostgres("hub_exchanges"),
                "spring.datasource.username", "postgres");
    }
}
