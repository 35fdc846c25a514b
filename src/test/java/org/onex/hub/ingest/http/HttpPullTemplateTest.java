package org.onex.hub.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.alert.SourceHealth;

/**
 * The http-source template's contract as a route file meets it: defaults make a working route, and a
 * missing parameter, an unset environment variable or a bad value fails the route's creation, named.
 */
class HttpPullTemplateTest {

    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("sourceHealth", new SourceHealth(Clock.systemUTC()));
        camel.addRoutes(new ErrorRouteConfiguration());
        camel.addRoutes(new HttpSourceTemplate(null, null, Clock.systemUTC()));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private String add(Map<String, String> overrides) {
        Map<String, String> p = new LinkedHashMap<>(Map.of("department", "jyj", "feed", "schools", "url",
                "https://api.jyj.example/v1/schools", "initialDelay", "1h"));
        p.putAll(overrides);
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, HttpSourceTemplate.ID)
                .routeId("jyj-schools-pull");
        p.forEach(route::parameter);
        return route.add();
    }

    @Test
    void defaultsMakeARunningRoute() {
        assertThat(add(Map.of())).isEqualTo("jyj-schools-pull");

        assertThat(camel.getRouteController().getRouteStatus("jyj-schools-pull").isStarted()).isTrue();
        assertThat(camel.getRoute("jyj-schools-pull").getEndpoint().getEndpointUri())
                .isEqualTo("timer://http-jyj-schools?delay=1h&period=30s");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Map.of("url", ""), "jyj-schools: url '' is not an absolute http(s) URL"),
                Arguments.of(Map.of("authHeader", "Authorization", "authValue", "{{env:HUB_TEST_UNSET_TOKEN_4711}}"),
                        "env:HUB_TEST_UNSET_TOKEN_4711"),
                Arguments.of(Map.of("retryDelay", "soon"), "'soon' is not a duration (e.g. 500ms, 1s, 1m)"),
                Arguments.of(Map.of("pageSize", "0"), "jyj-schools: pageSize must be 1..10000, got 0"),
                Arguments.of(Map.of("itemsPointer", "data.rows"), "jyj-schools: itemsPointer 'data.rows' is not a JSON"
                        + " pointer (e.g. /items, /data/rows)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void badParametersFailTheRouteNamed(Map<String, String> overrides, String reason) {
        assertThatThrownBy(() -> add(overrides)).satisfies(e -> assertThat(messages(e)).contains(reason));
    }

    @Test
    void missingUrlIsNamed() {
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, HttpSourceTemplate.ID).routeId("jyj-x")
                .parameter("department", "jyj").parameter("feed", "x");

        assertThatThrownBy(route::add).satisfies(e -> assertThat(messages(e)).contains("url"));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
