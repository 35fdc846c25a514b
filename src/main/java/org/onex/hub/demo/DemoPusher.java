package org.onex.hub.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The embedded default's REST department: 交通运输局 (jtysj) pushes its road transport licences to
 * {@code POST /api/v1/ingest/jtysj/licences} over real HTTP, with its push key, as its own system
 * would: new licences, a changed one now and then, and once in a while a row the hub must quarantine.
 */
public final class DemoPusher {

    public static final String DEPARTMENT = "jtysj";
    private static final Logger LOG = LoggerFactory.getLogger(DemoPusher.class);

    private final Environment env;
    private final String key;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoPusher(Environment env, String key, Clock clock) {
        this.env = env;
        this.key = key;
        this.clock = clock;
    }

    public void push(Random r) throws IOException, InterruptedException {
        String port = env.getProperty("local.server.port");
        if (port == null) {
            return; // the web server is not up yet
        }
        long slot = clock.millis() / 1000;
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(licence(slot, 0, r.nextInt(15) == 0));
        if (r.nextInt(3) == 0) {
            rows.add(licence(slot - 1 - r.nextInt(60), 1 + r.nextInt(9), false));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest/"
                + DEPARTMENT + "/licences")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(HubJson.mapper().writeValueAsString(rows))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            LOG.warn("demo push of {} got HTTP {}: {}", DEPARTMENT, response.statusCode(), response.body());
        }
    }

    /** Licence {@code n}; {@code revision} changes its scope; {@code broken} gives an unknown holder type. */
    public static Map<String, Object> licence(long n, int revision, boolean broken) {
        Random r = new Random(n * 31 + 7);
        LocalDate decided = LocalDate.of(2026, 1, 1).plusDays(Math.floorMod(n, 320));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("licenceNo", String.format("浙交运管许可金字%09d号", Math.floorMod(n, 1_000_000_000L)));
        row.put("holderName", SyntheticData.companyName(r));
        row.put("holderType", broken ? "cooperative" : "company");
        row.put("creditCode", SyntheticData.creditCode(r));
        row.put("title", "道路运输经营许可");
        row.put("decidedOn", decided.toString());
        row.put("validFrom", decided.toString());
        row.put("validTo", decided.plusYears(4).toString());
        row.put("state", "valid");
        row.put("scope", revision == 0 ? "道路普通货物运输" : "道路普通货物运输、货物专用运输（集装箱）（变更" + revision + "）");
        row.put("updatedAt", LocalDateTime.now(HubDates.ZONE).withNano(0).toString());
        return row;
    }
}
