package org.onex.hub.ingest;

import static org.apache.camel.builder.Builder.body;
import static org.apache.camel.builder.Builder.constant;
import static org.apache.camel.builder.Builder.exchangeProperty;

import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.cluster.ClusterRoutes;
import org.onex.hub.connect.TemplateContract;
import org.onex.hub.connect.TemplateContract.Type;

/**
 * The one route shape of every pulled source (jdbc-source, http-source): a timer per department feed, the source
 * error route, then batches from the template's {@code poller} bean ({@link FeedPoller}) into the ingest route
 * until the poller says there is no more for now, then the route's health is marked good.
 *
 * <pre>
 * timer:&lt;kind&gt;-&lt;department&gt;-&lt;feed&gt; ─▶ loop while MORE: poller.nextBatch ─▶ direct:ingest ─▶ SourceHealth.ok
 * </pre>
 *
 * A template declares its parameters (including {@code department}, {@code feed}, {@code pollInterval} and
 * {@code initialDelay}) and a {@code poller} bean, may add its own exception handling between {@link #start} and
 * {@link #pollUntilDone}, and nothing else. (The file drop is a Camel SFTP consumer rather than a timer, so it keeps
 * its own route; its ingestion goes through the same {@link IngestService}.)
 */
public final class PullSourceRoute {

    private PullSourceRoute() {
    }

    /**
     * The start of every source template's contract (the file drop's too): the department and the feed whose
     * mapping, {@code mappings/<department>/<feed>.yaml}, maps its rows.
     */
    public static TemplateContract.Builder sourceContract(String id, String description) {
        return TemplateContract.of(id, description, true)
                .required("department", Type.TEXT, "Department code from config/departments.yaml")
                .required("feed", Type.TEXT, "Feed id; mappings/<department>/<feed>.yaml maps its rows");
    }

    /** The timer and the source error route; {@code kind} names the timer ({@code jdbc}, {@code http}). */
    public static RouteDefinition start(RouteTemplateDefinition template, String kind) {
        return template.from("timer:" + kind + "-{{department}}-{{feed}}?period={{pollInterval}}&delay={{initialDelay}}")
                .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE); // one poller per source in a cluster
    }

    /** Asks the {@code poller} bean for batches and ingests each, until it has no more for this poll. */
    public static RouteDefinition pollUntilDone(RouteDefinition route) {
        route.setHeader(IngestRoutes.DEPARTMENT, constant("{{department}}"))
                .setHeader(IngestRoutes.FEED, constant("{{feed}}"))
                .setProperty(FeedPoller.MORE, constant(true))
                .loopDoWhile(exchangeProperty(FeedPoller.MORE).isEqualTo(true))
                    .to("bean:{{poller}}?method=nextBatch")
                    .filter(body().isNotNull())
                        .to(IngestRoutes.INGEST)
                    .end()
                .end()
                .bean(SourceHealth.class, "okExchange");
        return route;
    }
}
