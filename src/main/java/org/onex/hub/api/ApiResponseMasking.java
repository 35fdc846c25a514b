package org.onex.hub.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.onex.hub.schema.HubJson;
import org.onex.hub.security.SharingEnforcer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The last step of every API route that is not a record view (issue 13 item 4): the response body (JSON or CSV)
 * with every ID and mobile number masked by value for the calling client ({@link SharingEnforcer#maskValues}),
 * whatever field it is in — an obligation's source key, an alert text, a file name, an audit detail, a
 * scorecards cell. Routes are masked by default ({@link ApiRoutes}); only the record and quarantine views, which
 * the enforcer builds per item (a unit sees what it provided as it is), are left to their own masking.
 */
@Component
public class ApiResponseMasking implements Processor {

    private final SharingEnforcer enforcer;

    public ApiResponseMasking(SharingEnforcer enforcer) {
        this.enforcer = enforcer;
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isEmpty()) {
            return;
        }
        var client = Callers.of(exchange);
        if (enforcer.seesPersonalData(client)) {
            return;
        }
        String type = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        exchange.getMessage().setBody(type.contains("json")
                ? HubJson.mapper().writeValueAsString(enforcer.maskValues(client, HubJson.mapper().readTree(body)))
                : enforcer.maskValues(client, body));
    }
}
