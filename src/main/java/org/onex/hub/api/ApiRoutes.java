package org.onex.hub.api;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** REST DSL of the hub API; each operation hands over to a {@code direct:} route of the same name. */
@Component
public class ApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // The contract is openapi/hub-api-v1.yaml (OpenApiDocument), written first and checked against the live
        // answers; the REST DSL only routes.
        restConfiguration().component("platform-http").contextPath("/api/v1");
        // who is calling, kept for the masking step at the end of the route (the HTTP message is replaced on the way)
        interceptFrom("direct:api-*").process(ApiResponseMasking::remember).process(ApiJson::remember);

        rest("/records")
                .get().id("rest-records").produces("application/json")
                    .to("direct:api-records")
                .get("/{id}").id("rest-record").produces("application/json").to("direct:api-record");
        rest("/openapi.json").get().id("rest-openapi").produces("application/json").to("direct:api-openapi");
        view(from("direct:api-openapi").routeId("api-openapi").bean(OpenApiDocument.class, "serve"));
        rest("/schema").get().id("rest-schema").produces("application/schema+json").to("direct:api-schema");
        rest("/departments").get().id("rest-departments").produces("application/json").to("direct:api-departments");
        rest("/quarantine")
                .get().id("rest-quarantine").produces("application/json").to("direct:api-quarantine")
                .post("/{id}/replay").id("rest-quarantine-replay").produces("application/json")
                    .to("direct:api-quarantine-replay");

        rest("/ingest")
                .post("/{department}/{feed}").id("rest-ingest-push")
                    .produces("application/json")
                    .to("direct:api-ingest-push");
        rest("/files")
                .get().id("rest-files").produces("application/json").to("direct:api-files");
        rest("/alerts")
                .get().id("rest-alerts").produces("application/json").to("direct:api-alerts")
                .post("/{id}/ack").id("rest-alert-ack").produces("application/json").to("direct:api-alert-ack");

        rest("/deliveries")
                .get().id("rest-deliveries").produces("application/json").to("direct:api-deliveries")
                .get("/{id}").id("rest-delivery").produces("application/json").to("direct:api-delivery")
                .post("/{id}/replay").id("rest-delivery-replay").produces("application/json")
                    .to("direct:api-delivery-replay")
                .post("/{id}/discard").id("rest-delivery-discard").produces("application/json")
                    .to("direct:api-delivery-discard")
                .post("/{id}/ack").id("rest-delivery-ack").produces("application/json").to("direct:api-delivery-ack");

        rest("/obligations")
                .get().id("rest-obligations").produces("application/json").to("direct:api-obligations")
                .post("/{id}/complete").id("rest-obligation-complete").produces("application/json")
                    .to("direct:api-obligation-complete");
        rest("/scorecards")
                .get().id("rest-scorecards").produces("application/json,text/csv").to("direct:api-scorecards");

        rest("/audit")
                .get().id("rest-audit").produces("application/json").to("direct:api-audit")
                .get("/verify").id("rest-audit-verify").produces("application/json").to("direct:api-audit-verify");
        json(from("direct:api-audit").routeId("api-audit").bean(AuditApi.class, "entries"));
        json(from("direct:api-audit-verify").routeId("api-audit-verify").bean(AuditApi.class, "verify"));

        json(from("direct:api-obligations").routeId("api-obligations").bean(ObligationApi.class, "list"));
        json(from("direct:api-obligation-complete").routeId("api-obligation-complete")
                .bean(ObligationApi.class, "complete"));
        from("direct:api-scorecards").routeId("api-scorecards").routeConfigurationId(ApiErrors.ID)
                .bean(ObligationApi.class, "scorecards")
                .removeHeaders("*", "Content-Disposition")
                .choice().when(exchangeProperty("hubCsv").isEqualTo(true))
                    .setHeader(Exchange.CONTENT_TYPE, constant("text/csv; charset=UTF-8"))
                .otherwise()
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .end()
                .process(ApiJson::toText)
                .process("apiResponseMasking");
        json(from("direct:api-deliveries").routeId("api-deliveries").bean(DeliveryApi.class, "list"));
        json(from("direct:api-delivery").routeId("api-delivery").bean(DeliveryApi.class, "get"));
        json(from("direct:api-delivery-replay").routeId("api-delivery-replay").bean(DeliveryApi.class, "replay"));
        json(from("direct:api-delivery-discard").routeId("api-delivery-discard").bean(DeliveryApi.class, "discard"));
        json(from("direct:api-delivery-ack").routeId("api-delivery-ack").bean(DeliveryApi.class, "acknowledge"));
        json(from("direct:api-ingest-push").routeId("api-ingest-push").bean(PushApi.class, "push"));
        json(from("direct:api-files").routeId("api-files").bean(OpsApi.class, "files"));
        json(from("direct:api-alerts").routeId("api-alerts").bean(OpsApi.class, "alerts"));
        json(from("direct:api-alert-ack").routeId("api-alert-ack").bean(OpsApi.class, "acknowledge"));
        // record views: SharingEnforcer.view per record (field rules and value-kind masking, a provider's own as is)
        view(from("direct:api-records").routeId("api-records").bean(FeedApi.class, "records"));
        view(from("direct:api-record").routeId("api-record").bean(FeedApi.class, "record"));
        json(from("direct:api-departments").routeId("api-departments").bean(RegistryApi.class, "departments"));
        view(from("direct:api-quarantine").routeId("api-quarantine").bean(QuarantineApi.class, "list"));
        json(from("direct:api-quarantine-replay").routeId("api-quarantine-replay").bean(QuarantineApi.class, "replay"));
        from("direct:api-schema").routeId("api-schema")
                .setBody(constant(null)).removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/schema+json"))
                .setBody().simple("resource:classpath:schema/hub-record-v1.schema.json");
    }

    /**
     * A JSON answer, its ID and mobile numbers masked by value for the client ({@link ApiResponseMasking}, issue
     * 13 item 4): the default for every route, so that a new endpoint cannot leak one.
     */
    private void json(org.apache.camel.model.RouteDefinition route) {
        view(route);
        route.process("apiResponseMasking");
    }

    /** A JSON answer built of {@code SharingEnforcer} views item by item, which mask for the client already. */
    private void view(org.apache.camel.model.RouteDefinition route) {
        route.routeConfigurationId(ApiErrors.ID)
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .process(ApiJson::toText);
    }
}
