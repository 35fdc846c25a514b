package org.onex.hub.api;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/** REST DSL of the hub API; each operation hands over to a {@code direct:} route of the same name. */
@Component
public class ApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        restConfiguration().component("platform-http").contextPath("/api/v1")
                .apiContextPath("/openapi.json")
                .apiProperty("api.title", "1+X data-sharing hub API").apiProperty("api.version", "1");
        // who is calling, kept for the masking step at the end of the route (the HTTP message is replaced on the way)
        interceptFrom("direct:api-*").process(ApiResponseMasking::remember).process(ApiJson::remember);

        rest("/records").description("Unified feed of record versions (schema v1)")
                .get().id("rest-records").produces("application/json")
                    .param().name("category").type(RestParamType.query).description("C1..C7 (R-CATEGORIES)").endParam()
                    .param().name("recordType").type(RestParamType.query).description("Schema v1 record type").endParam()
                    .param().name("department").type(RestParamType.query).description("Providing department code").endParam()
                    .param().name("creditCode").type(RestParamType.query).description("Subject's unified social credit code").endParam()
                    .param().name("decidedFrom").type(RestParamType.query).description("Decision time from (inclusive)").endParam()
                    .param().name("decidedTo").type(RestParamType.query).description("Decision time to (exclusive)").endParam()
                    .param().name("storedFrom").type(RestParamType.query).description("Store time from (inclusive)").endParam()
                    .param().name("storedTo").type(RestParamType.query).description("Store time to (exclusive)").endParam()
                    .param().name("cursor").type(RestParamType.query).description("nextCursor of the previous page").endParam()
                    .param().name("limit").type(RestParamType.query).description("1..1000, default 100").endParam()
                    .to("direct:api-records")
                .get("/{id}").id("rest-record").produces("application/json").to("direct:api-record");
        rest("/schema").get().id("rest-schema").produces("application/schema+json").to("direct:api-schema");
        rest("/departments").get().id("rest-departments").produces("application/json").to("direct:api-departments");
        rest("/quarantine").description("Rows that failed mapping or validation: one open entry per source row"
                + " (department, feed, source key), listing the channels it came through (channels: channel,"
                + " timesSeen, firstSeenAt, lastSeenAt, sourceRef) and every failed rule with its field; the"
                + " payload is masked by what the feed's mapping makes of each column")
                .get().id("rest-quarantine").produces("application/json").to("direct:api-quarantine")
                .post("/{id}/replay").id("rest-quarantine-replay").produces("application/json")
                    .to("direct:api-quarantine-replay");

        rest("/ingest").description("REST push: a department sends rows of one of its feeds as a JSON array"
                + " (application/json) or NDJSON (application/x-ndjson), with Authorization: Bearer <push key>")
                .post("/{department}/{feed}").id("rest-ingest-push")
                    .produces("application/json")
                    .param().name("department").type(RestParamType.path).description("Your department code").endParam()
                    .param().name("feed").type(RestParamType.path).description("Feed id (mappings/<department>/<feed>.yaml)").endParam()
                    .to("direct:api-ingest-push");
        rest("/files").description("The file ledger: every department file picked up, and its outcome")
                .get().id("rest-files").produces("application/json").to("direct:api-files");
        rest("/alerts").description("Alerts for operators")
                .get().id("rest-alerts").produces("application/json").to("direct:api-alerts")
                .post("/{id}/ack").id("rest-alert-ack").produces("application/json").to("direct:api-alert-ack");

        rest("/deliveries").description("Deliveries of the bureau's decisions to the departments (R-PENALTY-FEEDBACK)")
                .get().id("rest-deliveries").produces("application/json").to("direct:api-deliveries")
                .get("/{id}").id("rest-delivery").produces("application/json").to("direct:api-delivery")
                .post("/{id}/replay").id("rest-delivery-replay").produces("application/json")
                    .to("direct:api-delivery-replay")
                .post("/{id}/discard").id("rest-delivery-discard").produces("application/json")
                    .to("direct:api-delivery-discard")
                .post("/{id}/ack").id("rest-delivery-ack").produces("application/json").to("direct:api-delivery-ack");

        rest("/obligations").description("Obligations of the policy: due, met or late, by how much, and why (issue 5)")
                .get().id("rest-obligations").produces("application/json").to("direct:api-obligations")
                .post("/{id}/complete").id("rest-obligation-complete").produces("application/json")
                    .to("direct:api-obligation-complete");
        rest("/scorecards").description("Timeliness scorecards per unit, month and rule (R-ASSESS); format=csv")
                .get().id("rest-scorecards").produces("application/json,text/csv").to("direct:api-scorecards");

        rest("/audit").description("The tamper-evident audit log (issue 6); admins only")
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
