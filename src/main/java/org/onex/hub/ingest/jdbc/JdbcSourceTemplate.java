package org.onex.hub.ingest.jdbc;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.RouteTemplateContext;

import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.config.HubPaths;
import org.onex.hub.config.RouteFiles;
import org.onex.hub.ingest.IngestRoutes;
import org.onex.hub.ingest.TemplateParameters;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.store.WatermarkStore;
import org.springframework.stereotype.Component;

/**
 * The {@code jdbc-source} route template. A department wires a database feed with parameters only,
 * in {@code routes/<dept>.camel.yaml}:
 *
 * <pre>
 * - templatedRoute:
 *     routeTemplateRef: jdbc-source
 *     routeId: scjgj-licences
 *     parameters:
 *       - {name: department, value: scjgj}
 *       - ...
 * </pre>
 */
@Component
public class JdbcSourceTemplate extends RouteBuilder {

    public static final String ID = "jdbc-source";

    private final DepartmentDataSources dataSources;
    private final WatermarkStore watermarks;
    private final Clock clock;
    private final HubPaths paths;

    public JdbcSourceTemplate(DepartmentDataSources dataSources, WatermarkStore watermarks, Clock clock,
            HubPaths paths) {
        this.dataSources = dataSources;
        this.watermarks = watermarks;
        this.clock = clock;
        this.paths = paths;
    }

    private static String text(RouteTemplateContext rtc, String name) {
        return TemplateParameters.text(rtc, name);
    }

    /** Where a parameter of a route is written: the route file and line, found by department and feed. */
    private String origin(String department, String feed, String parameter) {
        return RouteFiles.locate(paths.routesDir(), ID, Map.of("department", department, "feed", feed), parameter)
                .orElse("");
    }

    private Function<String, String> origin(RouteTemplateContext rtc) {
        String department = text(rtc, "department");
        String feed = text(rtc, "feed");
        return parameter -> origin(department, feed, parameter);
    }

    @Override
    public void configure() {
        routeTemplate(ID)
                .templateParameter("department", null, "Department code from config/departments.yaml")
                .templateParameter("feed", null, "Feed id; mappings/<department>/<feed>.yaml maps its rows")
                .templateParameter("dataSource", null, "Name of a data source under hub.datasources")
                .templateOptionalParameter("table", "Table or view to read, schema.table allowed, any name (or give query)")
                .templateOptionalParameter("query", "SELECT to read from instead of a table")
                .templateParameter("cursorTime", null, "Update-time column of the composite cursor (any name, e.g. 更新时间)")
                .templateParameter("cursorKey", null, "Key column of the composite cursor (any name, e.g. 许可编号)")
                .templateParameter("batchSize", "500", "Rows per batch and transaction")
                .templateParameter("pollInterval", "10s", "Time between polls")
                .templateParameter("initialDelay", "2s", "Delay before the first poll")
                .templateParameter("commitDelay", "5s", "Leave rows newer than source-now minus this for later")
                .templateParameter("lookback", "10m", "Window behind the cursor re-read for late commits (0 = off)")
                .templateParameter("sweepEvery", "1m", "How often the look-back window is re-read")
                .templateParameter("maxBatchesPerPoll", "50", "Batches read in one poll before yielding to the timer")
                .templateBean("poller", JdbcFeedPoller.class, rtc -> new JdbcFeedPoller(JdbcFeedSpec.of(
                        text(rtc, "department"), text(rtc, "feed"), text(rtc, "dataSource"), text(rtc, "table"),
                        text(rtc, "query"), text(rtc, "cursorTime"), text(rtc, "cursorKey"),
                        TemplateParameters.integer(rtc, "batchSize"), TemplateParameters.duration(rtc, "commitDelay"),
                        TemplateParameters.duration(rtc, "lookback"), TemplateParameters.duration(rtc, "sweepEvery"),
                        TemplateParameters.integer(rtc, "maxBatchesPerPoll")),
                        dataSources.get(text(rtc, "dataSource")), watermarks, clock, origin(rtc)).checkNames())
                .from("timer:jdbc-{{department}}-{{feed}}?period={{pollInterval}}&delay={{initialDelay}}")
                .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                .setHeader(IngestRoutes.DEPARTMENT, constant("{{department}}"))
                .setHeader(IngestRoutes.FEED, constant("{{feed}}"))
                .setProperty(JdbcFeedPoller.MORE, constant(true))
                .loopDoWhile(exchangeProperty(JdbcFeedPoller.MORE).isEqualTo(true))
                    .to("bean:{{poller}}?method=nextBatch")
                    .filter(body().isNotNull())
                        .to(IngestRoutes.INGEST)
                    .end()
                .end()
                .bean(SourceHealth.class, "okExchange");
    }
}
