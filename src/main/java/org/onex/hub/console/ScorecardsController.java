package org.onex.hub.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.deadline.Scorecards;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Timeliness scorecards per unit and month (R-ASSESS): a stacked chart of obligations met on time,
 * late, overdue and open per unit, the lines per rule, and the CSV the office files.
 */
@Controller
public class ScorecardsController implements ConsolePage {

    private final Scorecards scorecards;
    private final ConsoleFormat format;
    private final Clock clock;

    public ScorecardsController(Scorecards scorecards, ConsoleFormat format, Clock clock) {
        this.scorecards = scorecards;
        this.format = format;
        this.clock = clock;
    }

    @Override
    public String path() {
        return "/console/scorecards";
    }

    @Override
    public String titleKey() {
        return "nav.scorecards";
    }

    @Override
    public int order() {
        return 50;
    }

    @GetMapping("/console/scorecards")
    public String scorecards(@RequestParam(required = false) String month, Model model) {
        YearMonth m = month(month);
        List<Scorecards.Line> lines = scorecards.month(m, null);
        Map<String, int[]> perUnit = new LinkedHashMap<>();
        for (Scorecards.Line l : lines) {
            int[] c = perUnit.computeIfAbsent(l.department(), k -> new int[4]);
            c[0] += l.onTime();
            c[1] += l.late();
            c[2] += l.overdue();
            c[3] += l.open();
        }
        ObjectNode chart = HubJson.mapper().createObjectNode();
        ArrayNode units = chart.putArray("units");
        ArrayNode rate = chart.putArray("onTimeRate");
        ArrayNode[] series = {chart.putArray("onTime"), chart.putArray("late"), chart.putArray("overdue"),
                chart.putArray("open")};
        perUnit.forEach((unit, c) -> {
            units.add(format.department(unit));
            for (int i = 0; i < 4; i++) {
                series[i].add(c[i]);
            }
            int decided = c[0] + c[1] + c[2]; // on time, late, overdue: the ones whose outcome is known
            if (decided == 0) {
                rate.addNull();
            } else {
                rate.add(Math.round(1000.0 * c[0] / decided) / 10.0);
            }
        });

        model.addAttribute("month", m.toString());
        model.addAttribute("lines", lines);
        model.addAttribute("chart", chart.toString());
        return "console/scorecards";
    }

    @GetMapping("/console/scorecards.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) String month) {
        YearMonth m = month(month);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scorecard-" + m + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(Scorecards.csv(scorecards.month(m, null)).getBytes(StandardCharsets.UTF_8));
    }

    private YearMonth month(String text) {
        if (text != null && !text.isBlank()) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                // fall through to the current month
            }
        }
        return YearMonth.now(clock.withZone(HubDates.ZONE));
    }
}
