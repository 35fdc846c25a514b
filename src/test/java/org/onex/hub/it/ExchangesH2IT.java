package org.onex.hub.it;

import java.util.Map;

/** Issue 15 on the embedded default (H2). */
class ExchangesH2IT extends AbstractExchangesIT {

    @Override
    Map<String, String> storeSettings() {
        return Map.of();
    }
}
