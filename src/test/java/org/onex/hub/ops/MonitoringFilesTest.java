package org.onex.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 17 item 6: the shipped Grafana dashboard and Prometheus rules parse, say what Grafana and Prometheus need,
 * and the names their expressions read are found by {@link PromQlNames} (checked against a running hub by
 * {@code MonitoringFilesIT}).
 */
class MonitoringFilesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "rate(hub_ingest_rows_total[5m]) | hub_ingest_rows_total",
        "sum by (feed) (hub_feed_silence_seconds{department=~\"$department\"}) | hub_feed_silence_seconds",
        "time() - hub_last_poll_success_timestamp_seconds > 900 | hub_last_poll_success_timestamp_seconds",
        "histogram_quantile(0.9, sum by (le) (rate(x_bucket{a=\"b,c\"}[$__rate_interval]))) | x_bucket",
        "a and on (instance, route) (b == 1) unless ignoring(job) c offset 5m | a b c",
        "max_over_time(hub_cluster_members[1d]) < 1e3 or vector(0) | hub_cluster_members",
        "sum(rate(x_total{l='by (on)'}[5m:1m])) / count without (k) (y) | x_total y",
        "foo:bar_rule:rate5m * 60 | foo:bar_rule:rate5m"
    })
    void extractsTheMetricNamesOfAnExpression(String expr, String names) {
        assertThat(PromQlNames.metricNames(expr)).containsExactlyInAnyOrderElementsOf(List.of(names.split(" ")));
    }

    @Test
    void functionsKeywordsAndNumbersAreNoNames() {
        assertThat(PromQlNames.metricNames("hour() < 10 and on () day_of_week() >= 1 or vector(1e3)")).isEmpty();
    }

    @Test
    void aWordCalledAsAFunctionMustBeOne() {
        assertThatThrownBy(() -> PromQlNames.metricNames("rates(hub_files_total[5m])"))
                .hasMessageContaining("unknown PromQL function rates");
    }

    @Test
    void exposedNamesIncludeSamplesAndTheSeriesOfHistograms() {
        String scrape = """
                # HELP hub_poll_duration_seconds Time a poll took
                # TYPE hub_poll_duration_seconds histogram
                hub_poll_duration_seconds_max{route="a"} 0.1
                # TYPE hub_alerts_open gauge
                hub_alerts_open 3.0
                process_uptime_seconds 12.5
                """;
        assertThat(PromQlNames.exposedNames(scrape)).contains("hub_poll_duration_seconds_max", "hub_alerts_open",
                "process_uptime_seconds", "hub_poll_duration_seconds_bucket", "hub_poll_duration_seconds_count",
                "hub_poll_duration_seconds_sum").doesNotContain("hub_poll_duration_seconds", "#");
    }

    @Test
    void theDashboardIsAGrafanaDashboardOverAPrometheusDatasourceWithADepartmentVariable() {
        JsonNode dashboard = PromQlNames.readDashboard();
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.path("uid").asText()).isEqualTo("onex-hub");
        JsonNode variables = dashboard.path("templating").path("list");
        assertThat(variables.findValuesAsText("name")).containsExactly("datasource", "department");
        assertThat(variables.get(0).path("type").asText()).isEqualTo("datasource");
        assertThat(variables.get(0).path("query").asText()).isEqualTo("prometheus");
        assertThat(variables.get(1).path("query").path("query").asText()).startsWith("label_values(hub_");
        List<JsonNode> panels = dashboard.findParents("targets");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(15).allSatisfy(p -> {
            assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            assertThat(p.path("gridPos").path("w").asInt()).isBetween(1, 24);
            p.path("targets").forEach(t -> assertThat(t.path("expr").asText()).isNotBlank());
        });
        assertThat(PromQlNames.dashboardExpressions(dashboard)).anyMatch(e -> e.contains("hub_feed_silence_seconds"))
                .anyMatch(e -> e.contains("hub_watermark_lag_seconds")).anyMatch(e -> e.contains("rate(hub_ingest"))
                .anyMatch(e -> e.contains("hub_feed_quarantine_open_rows")).anyMatch(e -> e.contains("hub_deliveries"))
                .anyMatch(e -> e.contains("hub_obligations")).anyMatch(e -> e.contains("hub_route_active"))
                .anyMatch(e -> e.contains("hub_cluster_members")).anyMatch(e -> e.contains("jvm_memory_used_bytes"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleHasAnExpressionADurationASeverityAndTexts() {
        List<Map<String, Object>> rules = PromQlNames.rules(PromQlNames.readRules());
        assertThat(rules).extracting(r -> r.get("alert")).doesNotHaveDuplicates().contains("HubRouteNotPolling",
                "HubRouteNotOnOneNode", "HubDeliveriesDead", "HubDeliveriesStuck", "HubObligationsOverdue",
                "HubFeedLagging", "HubClusterMemberMissing");
        assertThat(rules).allSatisfy(r -> {
            assertThat(String.valueOf(r.get("expr"))).as("expr of %s", r.get("alert")).isNotBlank();
            assertThat(PromQlNames.metricNames(String.valueOf(r.get("expr")))).as("%s reads a series",
                    r.get("alert")).isNotEmpty();
            assertThat(String.valueOf(r.get("for"))).as("for of %s", r.get("alert")).matches("\\d+[smhd]");
            assertThat((Map<String, Object>) r.get("labels")).as("labels of %s", r.get("alert"))
                    .containsKey("severity").extractingByKey("severity").isIn("critical", "warning", "info");
            assertThat((Map<String, Object>) r.get("annotations")).as("annotations of %s", r.get("alert"))
                    .containsKeys("summary", "description");
        });
    }

    @Test
    void theFilesReadTheSeriesTheIssueAsksFor() {
        assertThat(PromQlNames.shippedNames()).contains("hub_feed_silence_seconds", "hub_watermark_lag_seconds",
                "hub_ingest_rows_total", "hub_feed_quarantine_open_rows", "hub_deliveries", "hub_deliveries_stuck",
                "hub_obligations", "hub_last_poll_success_timestamp_seconds", "hub_route_active",
                "hub_cluster_members", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum")
                .allMatch(n -> n.matches("[a-z_:]+"), "lower-case names").doesNotContainAnyElementsOf(Set.of(
                        "department", "feed", "route", "instance", "le"));
    }
}
