package org.onex.hub.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub nodes of a cluster run ({@code faults --mode=cluster}): {@code n} hubs in JVMs of their own on one store,
 * one Hazelcast cluster on loopback ports, each with its own web port, broker acceptor and data folder. What each
 * node runs is read from its {@code /actuator/prometheus}: {@code hub_route_active{route}} says whether it runs a
 * one-node route, {@code camel_exchanges_total{routeId}} counts its polls.
 */
final class ClusterNodes {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$");

    private final List<HubChild> nodes = new ArrayList<>();
    private final List<Boolean> up = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Settings shared by every node plus each one's own ports and folder. */
    ClusterNodes(int n, Map<String, String> shared, Path work, String heap, String clusterName) {
        List<Integer> clusterPorts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusterPorts.add(FaultPorts.free());
        }
        String members = String.join(",", clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        for (int i = 0; i < n; i++) {
            Map<String, String> settings = new LinkedHashMap<>(shared);
            settings.put("hub.cluster.name", clusterName);
            settings.put("hub.cluster.members", members);
            settings.put("hub.cluster.address", "127.0.0.1");
            settings.put("hub.cluster.port", String.valueOf(clusterPorts.get(i)));
            settings.put("hub.cluster.failure-timeout", "5s");
            settings.put("hub.cluster.check-period", "1s");
            settings.put("hub.data-dir", work.resolve("node-" + (i + 1)).toString());
            if (!shared.containsKey("spring.artemis.broker-url")) { // else all publish to the broker pair
                settings.put("hub.artemis.acceptor-url", "tcp://127.0.0.1:" + FaultPorts.free() + "?protocols=CORE");
            }
            nodes.add(new HubChild(settings, FaultPorts.free(), work.resolve("node-" + (i + 1) + ".log"), heap));
            up.add(false);
        }
    }

    /** The first node when the run was given one (the front: the feed reader and the pushes use it). */
    ClusterNodes(HubChild front) {
        nodes.add(front);
        up.add(false);
    }

    int size() {
        return nodes.size();
    }

    HubChild node(int i) {
        return nodes.get(i);
    }

    void start(int i, Duration timeout) throws Exception {
        nodes.get(i).start(timeout);
        up.set(i, true);
    }

    void kill(int i) throws InterruptedException {
        up.set(i, false);
        nodes.get(i).kill();
    }

    boolean isUp(int i) {
        return up.get(i);
    }

    /** The live nodes that run the route now (by their {@code hub_route_active}). */
    List<Integer> runners(String routeId) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (up.get(i) && sample(i, "hub_route_active", "route", routeId) == 1) {
                out.add(i);
            }
        }
        return out;
    }

    /** One-node route → the node running it, as the live nodes report ({@code -1}: none or several). */
    Map<String, Integer> placement() {
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (!up.get(i)) {
                continue;
            }
            for (Map.Entry<String, Double> e : samples(i, "hub_route_active", "route").entrySet()) {
                if (e.getValue() == 1) {
                    out.merge(e.getKey(), i, (a, b) -> -1);
                } else {
                    out.putIfAbsent(e.getKey(), null);
                }
            }
        }
        out.replaceAll((k, v) -> v == null ? -1 : v);
        return out;
    }

    /** Exchanges (polls, for a source) of a route on node {@code i} so far; 0 when it has none or is down. */
    double exchanges(int i, String routeId) {
        return up.get(i) ? Math.max(0, sample(i, "camel_exchanges_total", "routeId", routeId)) : 0;
    }

    private double sample(int i, String metric, String tag, String value) {
        Double v = samples(i, metric, tag).get(value);
        return v == null ? -1 : v;
    }

    /** tag value → sample of one metric on node {@code i}; empty when it does not answer. */
    private Map<String, Double> samples(int i, String metric, String tag) {
        Map<String, Double> out = new TreeMap<>();
        String text;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + nodes.get(i).port() + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return out;
            }
            text = r.body();
        } catch (IOException e) {
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        }
        Pattern tagPattern = Pattern.compile("(?:^|,)" + tag + "=\"([^\"]*)\"");
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(metric)) {
                Matcher t = tagPattern.matcher(m.group(2));
                if (t.find()) {
                    out.merge(t.group(1), Double.parseDouble(m.group(3)), Double::sum);
                }
            }
        }
        return out;
    }

    void killAll() throws InterruptedException {
        for (int i = 0; i < nodes.size(); i++) {
            kill(i);
        }
    }

    void stopAll() throws InterruptedException {
        for (int i = 0; i < nodes.size(); i++) {
            up.set(i, false);
            nodes.get(i).stop();
        }
    }
}
