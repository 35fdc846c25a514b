package org.onex.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.connect.TemplateContract;
import org.onex.hub.delivery.DeliveryTemplates;
import org.onex.hub.ingest.file.SftpSourceTemplate;
import org.onex.hub.ingest.http.HttpSourceTemplate;
import org.onex.hub.ingest.jdbc.JdbcSourceTemplate;

import jakarta.jms.ConnectionFactory;

/** The validate command (issue 7 item 4) on the project's own files and on broken copies of them. */
class ValidateCommandTest {

    private static final String REAL_COUNTS = "23 files checked (config 6, routes 8, mappings 8, settings 1)";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path dir;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Runs validate on the copy in {@link #dir}. */
    private int validateCopy() {
        return ValidateCommand.run(new String[] { "--config-dir", dir.resolve("config").toString(), "--routes-dir",
                dir.resolve("routes").toString(), "--mappings-dir", dir.resolve("mappings").toString() });
    }

    private void copyProject() throws IOException {
        for (String folder : List.of("config", "routes", "mappings")) {
            Path from = Path.of(folder);
            try (Stream<Path> files = Files.walk(from)) {
                files.forEach(f -> {
                    try {
                        Files.copy(f, dir.resolve(f.toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private String at(String file, int line) {
        return dir.resolve(file) + ":" + line + ": ";
    }

    @Test
    void theProjectsOwnFilesAreValid() {
        int exit = ValidateCommand.run(new String[0]);

        assertThat(outLines()).containsExactly("OK: " + REAL_COUNTS);
        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void brokenRouteFileReportsEachProblemWithFileAndLine() throws IOException {
        copyProject();
        Files.writeString(dir.resolve("routes/zz-broken.camel.yaml"), """
                - templatedRoute:
                    routeTemplateRef: jdbc-sourse
                    routeId: zz-a
                - templatedRoute:
                    routeTemplateRef: delivery-rest
                    routeId: scjgj-licences
                    parameters:
                      - { name: department, value: jsj }
                      - { name: url, value: "http://127.0.0.1/inbox" }
                      - { name: timeot, value: 5s }
                - templatedRoute:
                    routeTemplateRef: jdbc-source
                    routeId: scjgj-permits
                    parameters:
                      - { name: department, value: scjgj }
                      - { name: feed, value: permits }
                      - { name: dataSource, value: scjgj-db }
                      - { name: table, value: xk_permit }
                      - { name: cursorTime, value: UPDATED_AT }
                      - { name: cursorKey, value: ID }
                - templatedRoute:
                    routeTemplateRef: delivery-rest
                    routeId: xyz-deliveries
                    parameters:
                      - { name: department, value: xyz }
                      - { name: url, value: "{{hub.rest-inboxes.xyz.url}}" }
                """);

        int exit = validateCopy();

        String file = "routes/zz-broken.camel.yaml";
        assertThat(outLines()).containsExactly(
                at(file, 2) + "[0].templatedRoute.routeTemplateRef: unknown template 'jdbc-sourse'"
                        + " (known: [jdbc-source, sftp-source, http-source, delivery-jdbc, delivery-sftp,"
                        + " delivery-rest, delivery-notice])",
                at(file, 6) + "[1].templatedRoute.routeId: routeId 'scjgj-licences' is already used at "
                        + dir.resolve("routes/scjgj.camel.yaml") + ":5",
                at(file, 10) + "[1].templatedRoute.parameters[2].name: delivery-rest has no parameter 'timeot' (known:"
                        + " [department, maxAttempts, retryDelay, maxRetryDelay, url, authHeader, authValue,"
                        + " connectTimeout, timeout])",
                at(file, 16) + "[2].templatedRoute.parameters[1].value: no mapping for department 'scjgj' feed"
                        + " 'permits' (mappings/scjgj/permits.yaml)",
                at(file, 25) + "[3].templatedRoute.parameters[0].value: department 'xyz' is not in"
                        + " config/departments.yaml",
                at(file, 26) + "[3].templatedRoute.parameters[1].value: inbox 'xyz' is not defined in"
                        + " hub.rest-inboxes (known: jsj, jtysj, swj)",
                "6 problems in 24 files (config 6, routes 9, mappings 8, settings 1)");
        assertThat(exit).isEqualTo(1);
    }

    static Stream<Arguments> routeEntries() {
        String sftp = """
                - templatedRoute:
                    routeTemplateRef: sftp-source
                    routeId: sthjj-extra
                    parameters:
                      - { name: department, value: sthjj }
                      - { name: feed, value: licences }
                      - { name: host, value: "{{hub.sftp-servers.sthjj.host}}" }
                      - { name: username, value: hub }
                      - { name: privateKeyFile, value: /keys/hub }
                """;
        return Stream.of(
                Arguments.of("placeholders and a key file are accepted", sftp
                        + "      - { name: format, value: \"{{env:FORMAT}}\" }\n", null),
                Arguments.of("plain route accepted as is", "- route:\n    id: zz-plain\n    from: { uri: timer:x }\n",
                        null),
                Arguments.of("missing table or query", """
                        - templatedRoute:
                            routeTemplateRef: jdbc-source
                            routeId: scjgj-other
                            parameters:
                              - { name: department, value: scjgj }
                              - { name: feed, value: licences }
                              - { name: dataSource, value: scjgj-db }
                              - { name: cursorTime, value: UPDATED_AT }
                              - { name: cursorKey, value: ID }
                        """, ":4: [0].templatedRoute.parameters: jdbc-source needs parameter table or query"),
                Arguments.of("unknown format", sftp + "      - { name: format, value: xls }\n",
                        ":10: [0].templatedRoute.parameters[5].value: format 'xls' is not one of csv, json, ndjson,"
                                + " xlsx"),
                Arguments.of("unknown encoding", sftp + "      - { name: format, value: csv }\n"
                        + "      - { name: encoding, value: GB-2312x }\n",
                        ":11: [0].templatedRoute.parameters[6].value: sthjj/licences: encoding 'GB-2312x' is not"
                                + " known (use UTF-8, GBK or GB18030)"),
                Arguments.of("sheet of a csv", sftp + "      - { name: format, value: csv }\n"
                        + "      - { name: sheet, value: 许可 }\n",
                        ":11: [0].templatedRoute.parameters[6].value: sthjj/licences: sheet is only for format xlsx"),
                Arguments.of("parameter given twice", sftp + "      - { name: format, value: csv }\n"
                        + "      - { name: host, value: other }\n",
                        ":11: [0].templatedRoute.parameters[6].name: parameter 'host' is given twice"
                                + " (first at line 7)"),
                Arguments.of("a secret written into the route file", sftp + "      - { name: format, value: csv }\n"
                        + "      - { name: password, value: hunter2 }\n",
                        ":11: [0].templatedRoute.parameters[6].value: password is a secret: give it as \"{{env:NAME}}\""
                                + " or a setting, never written in the route file"),
                Arguments.of("a duration that is not one", sftp + "      - { name: format, value: csv }\n"
                        + "      - { name: pollInterval, value: 5 minutes }\n",
                        ":11: [0].templatedRoute.parameters[6].value: pollInterval: '5 minutes' is not a duration"
                                + " (e.g. 500ms, 10s, 5m)"),
                Arguments.of("a batch size that is not a number", sftp + "      - { name: format, value: csv }\n"
                        + "      - { name: batchSize, value: 五百 }\n",
                        ":11: [0].templatedRoute.parameters[6].value: batchSize: '五百' is not a whole number"),
                Arguments.of("an SFTP server that is not declared", """
                        - templatedRoute:
                            routeTemplateRef: delivery-sftp
                            routeId: sthjj-extra-deliveries
                            parameters:
                              - { name: department, value: sthjj }
                              - { name: server, value: sthjj-old }
                        """, ":6: [0].templatedRoute.parameters[1].value: SFTP server 'sthjj-old' is not defined in"
                                + " hub.sftp-servers (known: sthjj)"),
                Arguments.of("neither server nor host", """
                        - templatedRoute:
                            routeTemplateRef: delivery-sftp
                            routeId: sthjj-extra-deliveries
                            parameters:
                              - { name: department, value: sthjj }
                              - { name: username, value: hub }
                              - { name: password, value: "{{env:STHJJ_SFTP_PASSWORD}}" }
                        """, ":4: [0].templatedRoute.parameters: delivery-sftp needs parameter server or host"),
                Arguments.of("not a template", "- from:\n    uri: timer:x\n",
                        ":1: [0]: expected templatedRoute (a hub template with parameters) or route"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeEntries")
    void checksEachRouteEntry(String name, String yaml, String problem) throws IOException {
        copyProject();
        Files.writeString(dir.resolve("routes/zz.camel.yaml"), yaml);

        int exit = validateCopy();

        if (problem == null) {
            assertThat(outLines()).containsExactly("OK: 24 files checked (config 6, routes 9, mappings 8, settings 1)");
            assertThat(exit).isZero();
        } else {
            assertThat(outLines()).containsExactly(dir.resolve("routes/zz.camel.yaml") + problem,
                    "1 problem in 24 files (config 6, routes 9, mappings 8, settings 1)");
            assertThat(exit).isEqualTo(1);
        }
    }

    @Test
    void brokenMappingIsReportedByTheMappingCompilerAndItsRoutesStillFindIt() throws IOException {
        copyProject();
        Path licences = dir.resolve("mappings/scjgj/licences.yaml");
        Files.writeString(licences, Files.readString(licences).replace("codes: subject-kinds", "codes: subject-kindz"));

        int exit = validateCopy();

        // routes/scjgj.camel.yaml reads this feed: the file exists, so no "no mapping" problem on top
        assertThat(outLines()).hasSize(2);
        assertThat(outLines().get(0)).startsWith(at("mappings/scjgj/licences.yaml", 11)
                + "fields[\"subject.kind\"].codes: unknown code list 'subject-kindz'");
        assertThat(outLines().get(1)).isEqualTo("1 problem in " + REAL_COUNTS.replace(" checked", ""));
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void brokenMatterTableIsReportedWithItsLine() throws IOException {
        copyProject();
        Files.writeString(dir.resolve("config/matters.yaml"),
                "  - { code: \"330723-ZHZF-XXXX-001\", department: nosuch, nameZh: 测试, nameEn: Test }\n",
                StandardOpenOption.APPEND);

        int exit = validateCopy();

        assertThat(outLines()).containsExactly(
                at("config/matters.yaml", 23) + "matters[10].department: unknown department 'nosuch'",
                "1 problem in " + REAL_COUNTS.replace(" checked", ""));
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void brokenRegistrySkipsWhatDependsOnItButChecksTheRest() throws IOException {
        copyProject();
        Files.writeString(dir.resolve("config/departments.yaml"), "departments: [\n");
        Files.writeString(dir.resolve("config/inboxes/scjgj.yaml"),
                "table: hub_inbox\nkeyColumn: K\ncolumns:\n  K: delivery.nope\n");

        int exit = validateCopy();

        assertThat(outLines()).hasSize(4);
        assertThat(outLines().get(0)).startsWith("(mappings, matters.yaml, obligations.yaml and route departments"
                + " not checked: fix " + dir.resolve("config/departments.yaml") + " first)");
        assertThat(outLines().get(1)).startsWith(dir.resolve("config/departments.yaml") + ":").contains("YAML syntax");
        assertThat(outLines().get(2)).startsWith(at("config/inboxes/scjgj.yaml", 4)
                + "columns.K: value 'delivery.nope' is not delivery.");
        assertThat(outLines().get(3)).isEqualTo("2 problems in 23 files (config 6, routes 8, mappings 8, settings 1)");
        assertThat(exit).isEqualTo(1);
    }

    /** Issue 12 item 10: the settings the hub reads, with a settings folder given as on the hub's command line. */
    private int validateCopyWithSettings(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--config-dir", dir.resolve("config").toString(),
                "--routes-dir", dir.resolve("routes").toString(), "--mappings-dir", dir.resolve("mappings").toString(),
                "--spring.config.additional-location=optional:file:" + dir.resolve("config") + "/"));
        args.addAll(List.of(more));
        return ValidateCommand.run(args.toArray(String[]::new));
    }

    @Test
    void misspelledDataSourceSftpServerAndInboxAreReportedWithWhatIsDefined() throws IOException {
        copyProject();
        replace("routes/scjgj.camel.yaml", "value: scjgj-db }", "value: scjgjj }");
        replace("routes/sthjj.camel.yaml", "{ name: server, value: sthjj }\n      - { name: directory, value:"
                + " licences/gbk }", "{ name: server, value: sthj }\n      - { name: directory, value: licences/gbk }");
        replace("routes/jsj.camel.yaml", "hub.rest-inboxes.jsj.url", "hub.rest-inbox.jsj.url");

        int exit = validateCopy();

        assertThat(outLines()).containsExactly(
                at("routes/jsj.camel.yaml", 9) + "[0].templatedRoute.parameters[1].value: '{{hub.rest-inbox.jsj.url}}':"
                        + " property hub.rest-inbox.jsj.url is not set in the settings",
                at("routes/scjgj.camel.yaml", 9) + "[0].templatedRoute.parameters[2].value: data source 'scjgjj' is"
                        + " not defined in hub.datasources (known: scjgj-db, scjgj-inbox, zhzf-db, zrzyj-db,"
                        + " zrzyj-inbox)",
                at("routes/sthjj.camel.yaml", 12) + "[0].templatedRoute.parameters[2].value: SFTP server 'sthj' is not"
                        + " defined in hub.sftp-servers (known: sthjj)",
                "3 problems in " + REAL_COUNTS.replace(" checked", ""));
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void aDataSourceDefinedInTheSettingsFolderAndAProfileAreRead() throws IOException {
        copyProject();
        replace("routes/scjgj.camel.yaml", "value: scjgj-db }", "value: scjgj-xk }");
        Files.writeString(dir.resolve("config/application-county.yaml"), """
                hub:
                  datasources:
                    scjgj-xk:
                      url: ${SCJGJ_XK_URL:jdbc:postgresql://127.0.0.1:5432/xk}
                      username: ${SCJGJ_XK_USER:reader}
                """);

        int withoutProfile = validateCopyWithSettings();
        List<String> first = outLines();
        out.reset();
        int withProfile = validateCopyWithSettings("--spring.profiles.active=county");

        assertThat(first.get(0)).endsWith("data source 'scjgj-xk' is not defined in hub.datasources (known:"
                + " scjgj-db, scjgj-inbox, zhzf-db, zrzyj-db, zrzyj-inbox)");
        assertThat(withoutProfile).isEqualTo(1);
        assertThat(outLines()).containsExactly("OK: 24 files checked (config 6, routes 8, mappings 8, settings 2)");
        assertThat(withProfile).isZero();
    }

    @Test
    void aDataSourceWhoseUrlComesFromAnUnsetVariableIsReported() throws IOException {
        copyProject();
        replace("routes/scjgj.camel.yaml", "value: scjgj-db }", "value: scjgj-xk }");
        Files.writeString(dir.resolve("config/application.yaml"), """
                hub:
                  datasources:
                    scjgj-xk:
                      url: ${HUB_TEST_UNSET_SCJGJ_XK_URL}
                      username: reader
                """);

        int exit = validateCopyWithSettings();

        assertThat(outLines()).containsExactly(at("routes/scjgj.camel.yaml", 9) + "[0].templatedRoute.parameters[2]"
                + ".value: data source 'scjgj-xk' has no url: hub.datasources.scjgj-xk.url is"
                + " '${HUB_TEST_UNSET_SCJGJ_XK_URL}' (an environment variable that is not set)",
                "1 problem in 24 files (config 6, routes 8, mappings 8, settings 2)");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void brokenSettingsFileIsReportedWithFileAndLine() throws IOException {
        copyProject();
        Files.writeString(dir.resolve("config/application.yaml"), """
                hub:
                  datasources:
                    scjgj-xk:
                      url: jdbc:postgresql://127.0.0.1:5432/xk
                     username: reader
                """);

        int exit = validateCopyWithSettings();

        assertThat(outLines().get(0)).startsWith(dir.resolve("config/application.yaml") + ":5: YAML syntax error:");
        assertThat(outLines()).hasSize(2);
        assertThat(exit).isEqualTo(1);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void everyTemplateIsDeclaredFromItsContract() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // the templates' collaborators are only used when a route is created from them, never here
            camel.addRoutes(new JdbcSourceTemplate(null, null, null, null, null));
            camel.addRoutes(new SftpSourceTemplate(null, null, null, null, null, null, null, null));
            camel.addRoutes(new HttpSourceTemplate(null, null, null));
            camel.addRoutes(new DeliveryTemplates(null, null, null, null, null, null,
                    mock(ConnectionFactory.class), null, null, null));

            assertThat(camel.getRouteTemplateDefinitions()).extracting(RouteTemplateDefinition::getId)
                    .containsExactlyInAnyOrderElementsOf(TemplateContracts.ids());
            for (RouteTemplateDefinition template : camel.getRouteTemplateDefinitions()) {
                TemplateContract contract = TemplateContracts.find(template.getId()).orElseThrow();
                assertThat(template.getTemplateParameters()).as(template.getId())
                        .extracting(p -> p.getName() + "=" + p.getDefaultValue() + (p.isRequired() ? " required" : ""))
                        .containsExactlyElementsOf(contract.parameters().stream().map(p -> p.name() + "="
                                + p.defaultValue() + (p.required() || p.defaultValue() != null ? " required" : ""))
                                .toList());
            }
        }
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("--verbose"), "validate: unknown option --verbose"),
                Arguments.of(List.of("config"), "validate: unexpected argument config"),
                Arguments.of(List.of("--routes-dir"), "validate: --routes-dir needs a value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExitTwo(List<String> args, String message) {
        int exit = ValidateCommand.run(args.toArray(String[]::new));

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(message,
                ValidateCommand.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exit).isEqualTo(2);
    }
}
