package org.onex.hub.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.onex.hub.auth.ApiKeyAuthenticationFilter;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.schema.HubJson;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The last step of every API route that is not a record view: the response body (JSON or CSV)
 * with every ID and mobile number masked by value for the calling client ({@link SharingEnforcer#maskValues}),
 * whatever field it is in — an obligation's source key, an alert text, a file name, an audit detail, a
 * scorecards cell. Routes are masked by default ({@link ApiRoutes}); only the record and quarantine views, which
 * the enforcer builds per item (a unit sees what it provided as it is), are left to their own masking.
 */
@Component
public class ApiResponseMasking implements Processor {

    /** Exchange property: the calling client, remembered when the route starts (the HTTP message is gone later). */
    static final String CLIENT = "hubApiClient";

    private final SharingEnforcer enforcer;

    public ApiResponseMasking(SharingEnforcer enforcer) {
        this.enforcer = enforcer;
    }

    /** Remembers the calling client, if the request was authenticated, for {@link #process}. */
    static void remember(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage http && http.getRequest() != null
                && http.getRequest().getAttribute(ApiKeyAuthenticationFilter.CLIENT) instanceof Client client) {
            exchange.setProperty(CLIENT, client);
        }
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isEmpty()) {
            return;
        }
        Client client = exchange.getProperty(CLIENT, Client.class); // none: masked, the safe side
        if (enforcer.seesPersonalData(client)) {
            return;
        }
        String type = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        exchange.getMessage().setBody(type.contains("json")
                ? ApiJson.text(exchange, enforcer.maskValues(client, HubJson.mapper().readTree(body)))
                : enforcer.maskValues(client, body));
    }
}
