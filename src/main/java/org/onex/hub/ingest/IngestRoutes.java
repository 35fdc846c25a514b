package org.onex.hub.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code direct:ingest}: the one pipeline every source kind sends its {@link IngestBatch}es to. */
@Component
public class IngestRoutes extends RouteBuilder {

    public static final String INGEST = "direct:ingest";
    /** Header: department code of the exchange's source (set by every source route). */
    public static final String DEPARTMENT = "HubDepartment";
    /** Header: feed id of the exchange's source. */
    public static final String FEED = "HubFeed";

    @Override
    public void configure() {
        from(INGEST).routeId("ingest")
                // the source route that sent the batch is its channel (quarantine lists the channels of a row)
                .process(e -> {
                    IngestBatch batch = e.getMessage().getBody(IngestBatch.class);
                    if (batch != null && batch.channel() == null && e.getFromRouteId() != null) {
                        e.getMessage().setBody(batch.withChannel(e.getFromRouteId()));
                    }
                }).id("ingest-channel")
                .bean(IngestService.class, "ingest").id("ingest-store")
                .log(org.apache.camel.LoggingLevel.DEBUG, "${body.department}/${body.feed}: ${body.summary}");
    }
}
