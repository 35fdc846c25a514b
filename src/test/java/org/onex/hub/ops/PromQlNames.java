package org.onex.hub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metric names a PromQL expression reads, and the expressions of the shipped monitoring files
 * ({@code docs/grafana/onex-hub.json}, {@code docs/prometheus/alerts.yml}): what the hub must export.
 * Not a PromQL parser: it drops strings, label matchers, grouping label lists and ranges, then takes every
 * remaining identifier that is not a keyword and not called as a function.
 */
public final class PromQlNames {

    public static final Path DASHBOARD = Path.of("docs/grafana/onex-hub.json");
    public static final Path RULES = Path.of("docs/prometheus/alerts.yml");

    /** PromQL's functions and aggregations (those followed by an opening bracket). */
    static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "avg", "avg_over_time",
            "bottomk", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "count", "count_over_time",
            "count_values", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp",
            "floor", "group", "histogram_quantile", "holt_winters", "hour", "idelta", "increase", "irate",
            "label_join", "label_replace", "last_over_time", "ln", "log2", "log10", "max", "max_over_time", "min",
            "min_over_time", "minute", "month", "predict_linear", "present_over_time", "quantile",
            "quantile_over_time", "rate", "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sqrt", "stddev",
            "stddev_over_time", "stdvar", "stdvar_over_time", "sum", "sum_over_time", "time", "timestamp", "topk",
            "vector", "year", "label_values", "query_result");
    /** Keywords and operators written as words. */
    static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "atan2", "inf", "nan", "Inf", "NaN");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern LEADING_GROUPING = Pattern.compile("(\\w+)\\s*\\b(?:by|without)\\s*\\(\\)\\s*\\(");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_VALUES = Pattern.compile("\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][\\w:]*)(\\s*\\()?");

    private PromQlNames() {
    }

    /** The metric names {@code expr} reads; an unknown word called as a function is an error. */
    public static Set<String> metricNames(String expr) {
        String bare = STRINGS.matcher(expr).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll("{}");
        bare = LABEL_LISTS.matcher(bare).replaceAll("$1 ()");
        bare = RANGES.matcher(bare).replaceAll("[]");
        bare = LEADING_GROUPING.matcher(bare).replaceAll("$1("); // sum by (a) (x): sum(x)
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group(1);
            if (m.group(2) != null) {
                if (!FUNCTIONS.contains(word) && !KEYWORDS.contains(word)) {
                    throw new IllegalArgumentException("unknown PromQL function " + word + " in: " + expr);
                }
            } else if (!KEYWORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    /** Every PromQL expression of the dashboard: its panels' (and rows' panels') targets and its query variables. */
    public static List<String> dashboardExpressions(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        dashboard.findValues("targets").forEach(ts -> ts.forEach(t -> out.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> {
            if ("query".equals(v.path("type").asText())) {
                String query = v.path("query").path("query").asText(v.path("query").asText());
                Matcher m = LABEL_VALUES.matcher(query);
                out.add(m.matches() ? m.group(1) : query); // label_values(selector, label): the label is no metric
            }
        });
        return out;
    }

    /** The rules of a Prometheus rules file, each as its YAML map. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rules(Map<String, Object> file) {
        List<Map<String, Object>> out = new ArrayList<>();
        ((List<Map<String, Object>>) file.get("groups")).forEach(g -> out.addAll(
                (List<Map<String, Object>>) g.get("rules")));
        return out;
    }

    public static JsonNode readDashboard() {
        try {
            return new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> readRules() {
        try {
            return new Yaml().load(Files.readString(RULES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every metric name the two files read. */
    public static Set<String> shippedNames() {
        Set<String> names = new TreeSet<>();
        dashboardExpressions(readDashboard()).forEach(e -> names.addAll(metricNames(e)));
        rules(readRules()).forEach(r -> names.addAll(metricNames(String.valueOf(r.get("expr")))));
        return names;
    }

    /**
     * The names of a Prometheus text exposition: every sample's name, and for each histogram or summary its
     * {@code _bucket}, {@code _count} and {@code _sum} series.
     */
    public static Set<String> exposedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().forEach(line -> {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                if (parts.length >= 4 && (parts[3].equals("histogram") || parts[3].equals("summary"))) {
                    List.of("_bucket", "_count", "_sum").forEach(s -> names.add(parts[2] + s));
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        });
        return names;
    }
}
