package org.onex.hub.ingest.http;

import java.time.Clock;

import org.apache.camel.LoggingLevel;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.util.TimeUtils;
import org.onex.hub.alert.Alerts;
import org.onex.hub.connect.MillisFunction;
import org.onex.hub.connect.TemplateContract;
import org.onex.hub.connect.TemplateContract.Type;
import org.onex.hub.connect.TemplateParameters;
import org.onex.hub.ingest.PullSourceRoute;
import org.onex.hub.store.WatermarkStore;
import org.springframework.stereotype.Component;

/**
 * The {@code http-source} route template: polls a department's REST API with a since-cursor and
 * pagination. A department wires a feed with parameters only, in {@code routes/<dept>.camel.yaml}:
 *
 * <pre>
 * - templatedRoute:
 *     routeTemplateRef: http-source
 *     routeId: jyj-schools-pull
 *     parameters:
 *       - { name: department, value: jyj }
 *       - { name: feed, value: schools }
 *       - { name: url, value: "https://api.jyj.example.gov.cn/v1/schools" }
 *       - { name: authHeader, value: Authorization }
 *       - { name: authValue, value: "{{env:JYJ_API_TOKEN}}" }
 * </pre>
 *
 * <p><b>The API contract the department offers.</b> {@code GET <url>?since=<since>&limit=<pageSize>} and,
 * after the first page, {@code &page=<token>} (names set by sinceParam, limitParam, pageParam; values
 * URL-encoded), with {@code Accept: application/json} and the auth header. The answer is HTTP 200 with a
 * JSON body holding the rows as an array of objects at itemsPointer and the next page's token at
 * nextPointer: {@code {"items": [{"XK_WSH": "…", "UPDATED_AT": "2025-03-01T09:30:00", …}], "next": "…"}}.
 * Field names are those of the feed's mapping (case does not matter). The API must
 * <ul>
 * <li>return every row whose cursorField is at or after since (inclusive), in ascending cursorField order;</li>
 * <li>give cursorField as ISO-8601 text in one format and one zone (e.g. {@code 2025-03-01T09:30:00}):
 * the hub compares the values as text, and sends the largest one back as the next since;</li>
 * <li>end a pass with the next token missing, null or empty; a token must keep its place when rows change
 * during the pass (a keyset or continuation token, not a row offset, which skips rows that shift).</li>
 * </ul>
 * Rows the hub already holds come back because since is inclusive; the idempotent store counts them as
 * unchanged. Each page is one batch and transaction, and the cursor {@code {since, page, maxSeen}} is saved
 * with it: a crash mid-pass resumes at the stored page token; the last page moves since to maxSeen.
 *
 * <p><b>Errors.</b> HTTP 5xx, 408, 429, a timeout or a connection failure: the request is repeated up to
 * maxRetries times, waiting retryDelay, doubled after each attempt up to one minute; then the poll is
 * given up with a WARN {@code <routeId>: … gave up after N retries} and the next poll starts again from the
 * stored cursor. Any other 3xx or 4xx (401, 403, 404, 400 …), a body that is not JSON, no array at
 * itemsPointer or a non-object row: asking again cannot help, so the route raises a {@code SOURCE_STOPPED}
 * alert saying what to fix and stops itself; no further requests are made until it is started again (a
 * hub restart starts it). Messages show the URL without its query and never the auth value.
 *
 * <p><b>Secrets.</b> Give authValue as {@code "{{env:VARIABLE}}"}: it is read from the hub's environment
 * when the route is created, and a missing variable stops the route from being created, naming it. Put
 * no credential in the url's query.
 */
@Component
public class HttpSourceTemplate extends RouteBuilder {

    public static final String ID = "http-source";

    /** The template's parameters, declared once: Camel, {@code validate} and docs/route-templates.md use them. */
    public static final TemplateContract CONTRACT = PullSourceRoute.sourceContract(ID,
            "Polls a department REST API with a since-cursor and pagination")
            .required("url", Type.URL, "Base URL of the department API (no credential in its query)")
            .optional("sinceParam", Type.TEXT, "since", "Query parameter carrying the since-cursor")
            .optional("pageParam", Type.TEXT, "page", "Query parameter carrying the next-page token")
            .optional("limitParam", Type.TEXT, "limit", "Query parameter carrying the page size")
            .optional("pageSize", Type.INTEGER, "500", "Rows per page; one page is one batch and transaction")
            .optional("itemsPointer", Type.TEXT, "/items", "JSON pointer of the row array in a response")
            .optional("nextPointer", Type.TEXT, "/next",
                    "JSON pointer of the next-page token; missing, null or empty = last page")
            .optional("cursorField", Type.TEXT, "UPDATED_AT",
                    "Row field (sortable ISO-8601 text) whose largest value is the next since")
            .optional("initialSince", Type.TEXT, "1970-01-01T00:00:00", "Since of the very first request")
            .optional("authHeader", Type.TEXT, "Request header carrying the credential, e.g. Authorization")
            .secret("authValue", "Value of authHeader, given as {{env:VARIABLE}}")
            .optional("pollInterval", Type.DURATION, "30s", "Time between polls")
            .optional("initialDelay", Type.DURATION, "2s", "Delay before the first poll")
            .optional("connectTimeout", Type.DURATION, "5s", "Time allowed to connect")
            .optional("readTimeout", Type.DURATION, "30s", "Time allowed for one response")
            .optional("maxRetries", Type.INTEGER, "5", "Retries of a request failed by 5xx/408/429, timeout or I/O")
            .optional("retryDelay", Type.DURATION, "1s", "Wait before the first retry, doubled after each (at most 1m)")
            .optional("maxPagesPerPoll", Type.INTEGER, "50", "Pages read in one poll before yielding to the timer")
            .build();

    private final WatermarkStore watermarks;
    private final Alerts alerts;
    private final Clock clock;

    public HttpSourceTemplate(WatermarkStore watermarks, Alerts alerts, Clock clock) {
        this.watermarks = watermarks;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent().addPropertiesFunction(new MillisFunction());
        RouteTemplateDefinition template = CONTRACT.declare(routeTemplate(ID))
                .templateBean("poller", HttpFeedPoller.class,
                        rtc -> new HttpFeedPoller(spec(rtc), watermarks, alerts, clock));
        RouteDefinition route = PullSourceRoute.start(template, "http");
        // The department may recover in seconds: retry with back-off, then leave it to the next poll.
        OnExceptionDefinition retry = route.onException(ApiUnavailableException.class).handled(true)
                .maximumRedeliveries("{{maxRetries}}")
                .redeliveryDelay("{{" + MillisFunction.NAME + ":{{retryDelay}}}}")
                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(60_000)
                .retryAttemptedLogLevel(LoggingLevel.INFO).logExhausted(false);
        // A stopping hub does not wait out a back-off (up to a minute); nothing was committed.
        retry.getRedeliveryPolicyType().allowRedeliveryWhileStopping(false);
        retry.log(LoggingLevel.WARN, "org.onex.hub.source",
                "${routeId}: ${exception.message}; gave up after {{maxRetries}} retries, will retry at the next poll")
                .end();
        // Asking again cannot help: alert, and stop the route from another thread (it is running this).
        route.onException(ApiRefusedException.class).handled(true)
                .to("bean:{{poller}}?method=refused")
                .to("controlbus:route?routeId=current&action=stop&async=true")
                .end();
        PullSourceRoute.pollUntilDone(route);
    }

    private static HttpFeedSpec spec(RouteTemplateContext rtc) {
        String department = param(rtc, "department");
        String feed = param(rtc, "feed");
        return new HttpFeedSpec(department, feed, HttpFeedSpec.url(department, feed, param(rtc, "url")),
                param(rtc, "sinceParam"), param(rtc, "pageParam"), param(rtc, "limitParam"),
                Integer.parseInt(param(rtc, "pageSize")), param(rtc, "itemsPointer"), param(rtc, "nextPointer"),
                param(rtc, "cursorField"), param(rtc, "initialSince"), param(rtc, "authHeader"),
                param(rtc, "authValue"), TimeUtils.toDuration(param(rtc, "connectTimeout")),
                TimeUtils.toDuration(param(rtc, "readTimeout")), Integer.parseInt(param(rtc, "maxPagesPerPoll")));
    }

    private static String param(RouteTemplateContext rtc, String name) {
        return TemplateParameters.text(rtc, name);
    }
}
