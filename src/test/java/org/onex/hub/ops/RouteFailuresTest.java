package org.onex.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.onex.hub.config.YamlDocument;

/**
 * Issue 12, item 6: the reason a department route did not start, told as {@code file:line: key: reason} at the
 * parameter the template's message names, without Camel's wrapping (which carries the route's whole definition).
 */
class RouteFailuresTest {

    private static final String FILE = """
            # 自然资源和规划局
            - templatedRoute:
                routeTemplateRef: jdbc-source
                routeId: zrzyj-approvals
                parameters:
                  - { name: department, value: zrzyj }
                  - { name: feed, value: approvals }
                  - { name: dataSource, value: zrzyj-spxt }
                  - { name: table, value: "{{hub.zrzyj.table}}" }
                  - { name: batchSize, value: 五百 }
            - templatedRoute:
                routeTemplateRef: jdbc-sorce
                routeId: zrzyj-other
                parameters:
                  - { name: department, value: zrzyj }
            """;

    private final YamlDocument doc = YamlDocument.parse(Path.of("routes/zrzyj.camel.yaml"), FILE);

    private String where(int entry, Throwable e) {
        String reason = RouteFailures.reason(e);
        return doc.problem(RouteFailures.pointer(doc, entry, reason), reason).toString();
    }

    /** How Camel hands a template bean's failure to the loader. */
    private static Exception wrapped(String message) {
        return new RuntimeCamelException(new FailedToCreateRouteException("zrzyj-approvals", "From[timer:...] -> [...]",
                "timer://jdbc", new IllegalArgumentException(message)));
    }

    @Test
    void anUndefinedDataSourceIsReportedAtItsParameter() {
        assertThat(where(0, wrapped("data source 'zrzyj-spxt' is not defined: set hub.datasources.zrzyj-spxt.url"
                + " (known: [scjgj-db])"))).isEqualTo("routes/zrzyj.camel.yaml:8: [0].templatedRoute.parameters[2].value:"
                        + " data source 'zrzyj-spxt' is not defined: set hub.datasources.zrzyj-spxt.url (known: [scjgj-db])");
    }

    @Test
    void aParameterNamedInTheMessageWins() {
        assertThat(where(0, wrapped("parameter batchSize '五百' is not a whole number")))
                .isEqualTo("routes/zrzyj.camel.yaml:10: [0].templatedRoute.parameters[4].value: parameter batchSize"
                        + " '五百' is not a whole number");
    }

    @Test
    void ofTwoParametersNamedTheLastIsTheSubject() {
        // messages start with the department; the feed is what is missing
        assertThat(where(0, wrapped("no mapping for department 'zrzyj' feed 'approvals' (mappings/zrzyj/approvals.yaml)")))
                .startsWith("routes/zrzyj.camel.yaml:7: [0].templatedRoute.parameters[1].value: no mapping");
    }

    @Test
    void anUnsetPlaceholderIsReportedWhereItIsUsed() {
        assertThat(where(0, wrapped("Property with key [hub.zrzyj.table] not found in properties from text:"
                + " {{hub.zrzyj.table}}"))).startsWith("routes/zrzyj.camel.yaml:9: [0].templatedRoute.parameters[3].value:"
                        + " Property with key [hub.zrzyj.table] not found");
    }

    @Test
    void anUnknownTemplateIsReportedAtTheReference() {
        assertThat(where(1, new IllegalArgumentException("Cannot find RouteTemplate with id jdbc-sorce")))
                .isEqualTo("routes/zrzyj.camel.yaml:12: [1].templatedRoute.routeTemplateRef: Cannot find RouteTemplate"
                        + " with id jdbc-sorce");
    }

    @Test
    void aMissingMandatoryParameterIsReportedAtTheList() {
        assertThat(where(1, new IllegalArgumentException("Route template jdbc-sorce2 the following mandatory"
                + " parameters must be provided: feed, dataSource"))).startsWith("routes/zrzyj.camel.yaml:14:"
                        + " [1].templatedRoute.parameters: Route template");
    }

    @Test
    void aFailureNamingNothingIsReportedAtTheEntryWithTheInnermostMessage() {
        assertThat(where(1, new RuntimeCamelException(new IllegalStateException("Connection refused"))))
                .isEqualTo("routes/zrzyj.camel.yaml:11: [1].templatedRoute: Connection refused");
    }
}
