package org.onex.hub.ingest.jdbc;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.onex.hub.config.HubPaths;
import org.onex.hub.config.RouteFiles;
import org.onex.hub.connect.DepartmentDataSources;
import org.onex.hub.connect.TemplateContract;
import org.onex.hub.connect.TemplateContract.Type;
import org.onex.hub.connect.TemplateParameters;
import org.onex.hub.ingest.PullSourceRoute;
import org.onex.hub.ingest.ReadAhead;
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

    /** The template's parameters, declared once: Camel, {@code validate} and docs/route-templates.md use them. */
    public static final TemplateContract CONTRACT = PullSourceRoute.sourceContract(ID,
            "Reads a department database table or query by a composite (update time, key) cursor")
            .required("dataSource", Type.TEXT, "Name of a data source under hub.datasources")
            .optional("table", Type.TEXT, "Table or view to read, schema.table allowed, any name (or give query)")
            .optional("query", Type.TEXT, "SELECT to read from instead of a table")
            .oneOf("table", "query")
            .required("cursorTime", Type.TEXT, "Update-time column of the composite cursor (any name, e.g. 更新时间)")
            .required("cursorKey", Type.TEXT, "Key column of the composite cursor (any name, e.g. 许可编号)")
            .optional("batchSize", Type.INTEGER, "500", "Rows per batch and transaction")
            .optional("pollInterval", Type.DURATION, "10s", "Time between polls")
            .optional("initialDelay", Type.DURATION, "2s", "Delay before the first poll")
            .optional("commitDelay", Type.DURATION, "5s", "Leave rows newer than source-now minus this for later")
            .optional("lookback", Type.DURATION, "10m", "Window behind the cursor re-read for late commits (0 = off)")
            .optional("sweepEvery", Type.DURATION, "1m", "How often the look-back window is re-read")
            .optional("maxBatchesPerPoll", Type.INTEGER, "50", "Batches read in one poll before yielding to the timer")
            .build();

    private final DepartmentDataSources dataSources;
    private final WatermarkStore watermarks;
    private final Clock clock;
    private final HubPaths paths;
    private final ReadAhead readAhead;

    public JdbcSourceTemplate(DepartmentDataSources dataSources, WatermarkStore watermarks, Clock clock,
            HubPaths paths, ReadAhead readAhead) {
        this.readAhead = readAhead;
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
        RouteTemplateDefinition template = CONTRACT.declare(routeTemplate(ID))
                .templateBean("poller", JdbcFeedPoller.class, rtc -> new JdbcFeedPoller(JdbcFeedSpec.of(
                        text(rtc, "department"), text(rtc, "feed"), text(rtc, "dataSource"), text(rtc, "table"),
                        text(rtc, "query"), text(rtc, "cursorTime"), text(rtc, "cursorKey"),
                        TemplateParameters.integer(rtc, "batchSize"), TemplateParameters.duration(rtc, "commitDelay"),
                        TemplateParameters.duration(rtc, "lookback"), TemplateParameters.duration(rtc, "sweepEvery"),
                        TemplateParameters.integer(rtc, "maxBatchesPerPoll")),
                        dataSources.get(text(rtc, "dataSource")), watermarks, clock, origin(rtc), readAhead)
                        .checkNames());
        PullSourceRoute.pollUntilDone(PullSourceRoute.start(template, "jdbc"));
    }
}
