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
                .bean(IngestService.class, "ingest").id("ingest-store")
                .log(org.apache.camel.LoggingLevel.DEBUG, "${body.department}/${body.feed}: ${body.summary}");
    }
}
