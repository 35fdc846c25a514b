package org.onex.hub.ingest.http;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.ingest.FeedPoller;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.store.WatermarkStore;

/**
 * Reads the next page of one HTTP feed. Holds only its immutable spec and client: the cursor is read from
 * the hub store on every call and the new cursor travels with the batch, to be saved in the ingest
 * transaction, so a crash between pages resumes at the stored page token.
 */
public final class HttpFeedPoller implements FeedPoller {

    private static final String PAGES = "hubPages";

    private final HttpFeedSpec spec;
    private final DepartmentApi api;
    private final WatermarkStore watermarks;
    private final Alerts alerts;
    private final Clock clock;

    public HttpFeedPoller(HttpFeedSpec spec, WatermarkStore watermarks, Alerts alerts, Clock clock) {
        this.spec = spec;
        this.api = new DepartmentApi(spec);
        this.watermarks = watermarks;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Sets the body to the {@link IngestBatch} of the next page, or null when nothing changed. */
    @Override
    public void nextBatch(Exchange exchange) {
        HttpCursor cursor = watermarks.load(spec.department(), spec.feed()).map(HttpCursor::fromJson)
                .orElseGet(() -> HttpCursor.initial(spec.initialSince()));
        exchange.setProperty(MORE, false);
        exchange.getMessage().setBody(null);
        DepartmentApi.Page page = api.fetch(cursor.since(), cursor.page());
        if (page.next() != null && page.next().equals(cursor.page())) {
            throw new ApiRefusedException("GET " + spec.endpoint() + " returned the requested page token '"
                    + page.next() + "' as the next one, which would loop; ask the department to fix its paging");
        }
        HttpCursor next = cursor.afterPage(pageMax(page.rows()), page.next());
        if (page.rows().isEmpty() && next.equals(cursor)) {
            return; // nothing new: no transaction, no write
        }
        int pages = exchange.getProperty(PAGES, 0, Integer.class) + 1;
        exchange.setProperty(PAGES, pages);
        // Yield after maxPagesPerPoll so that a stopping hub does not wait for a long pass to finish.
        exchange.setProperty(MORE, next.page() != null && pages < spec.maxPages()
                && !exchange.getContext().getStatus().isStopping());
        List<SourceRow> rows = new ArrayList<>(page.rows().size());
        String ref = "GET " + spec.endpoint() + " " + spec.sinceParam() + "=" + cursor.since()
                + (cursor.page() == null ? "" : " " + spec.pageParam() + "=" + cursor.page()) + " item ";
        Instant fetched = clock.instant(); // the rows' source time unless the mapping maps one
        for (int i = 0; i < page.rows().size(); i++) {
            rows.add(new SourceRow(page.rows().get(i), ref + (i + 1), fetched));
        }
        // An unchanged cursor (the inclusive since re-read the last rows) is not written again.
        String cursorJson = next.equals(cursor) ? null : next.toJson();
        exchange.getMessage().setBody(new IngestBatch(spec.department(), spec.feed(), rows, cursorJson, fetched));
    }

    /**
     * Raises the alert of a feed the department API refused; the route then stops itself. The cursor did
     * not move, so resuming the route reads on from where it was.
     */
    public void refused(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String routeId = exchange.getFromRouteId();
        alerts.error(Alerts.SOURCE_STOPPED, spec.department(), spec.feed(), routeId,
                (e == null ? "the department API refused the hub; check it" : e.getMessage()) + " and resume route " + routeId
                        + " (a hub restart also resumes it)", AlertText.of(Alerts.SOURCE_STOPPED)
                        .text(e == null ? null : e.getMessage()).text(routeId).build());
    }

    private String pageMax(List<Map<String, Object>> rows) {
        String max = null;
        for (Map<String, Object> row : rows) {
            Object value = row.get(spec.cursorField());
            max = HttpCursor.max(max, value == null ? null : String.valueOf(value));
        }
        return max;
    }
}
