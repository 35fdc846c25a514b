package org.onex.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.it.TestDatabases;

/**
 * Issue 12 item 10: {@code validate --connect} checks a jdbc-source's table and cursor columns against the live
 * department database (real PostgreSQL, Chinese identifiers), with the data source defined in the settings folder
 * and its URL from the environment's default, the way a county deployment writes it.
 */
class ValidateConnectIT {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void wrongColumnAndTableAreReportedAtTheirParametersWithWhatTheDatabaseHas() throws IOException {
        String url = TestDatabases.freshPostgres("dept_validate_cn");
        TestDatabases.exec(url, "postgres", "", "CREATE SCHEMA \"许可库\"", "CREATE TABLE \"许可库\".\"许可信息\""
                + " (\"许可编号\" VARCHAR(64) PRIMARY KEY, \"行政相对人名称\" VARCHAR(200), \"许可内容 说明\" VARCHAR(1000),"
                + " \"更新时间\" TIMESTAMP(3) NOT NULL)");
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.yaml"), """
                hub:
                  datasources:
                    scjgj-xk:
                      url: ${SCJGJ_XK_URL:%s}
                      username: ${SCJGJ_XK_USER:postgres}
                      password: ${SCJGJ_XK_PASSWORD:}
                """.formatted(url));
        Files.createDirectories(dir.resolve("routes"));
        Path routes = dir.resolve("routes/scjgj.camel.yaml");
        Files.writeString(routes, """
                - templatedRoute:
                    routeTemplateRef: jdbc-source
                    routeId: scjgj-licences
                    parameters:
                      - { name: department, value: scjgj }
                      - { name: feed, value: licences }
                      - { name: dataSource, value: scjgj-xk }
                      - { name: table, value: 许可库.许可信息 }
                      - { name: cursorTime, value: 更新时间x }
                      - { name: cursorKey, value: 许可编号 }
                - templatedRoute:
                    routeTemplateRef: jdbc-source
                    routeId: scjgj-licences-old
                    parameters:
                      - { name: department, value: scjgj }
                      - { name: feed, value: licences }
                      - { name: dataSource, value: scjgj-xk }
                      - { name: table, value: 许可信息表 }
                      - { name: cursorTime, value: 更新时间 }
                      - { name: cursorKey, value: 许可编号 }
                """);

        int exit = validate("--routes-dir", dir.resolve("routes").toString(), "--connect",
                "--spring.config.additional-location=optional:file:" + dir.resolve("config") + "/");

        String database = url.substring(url.lastIndexOf('/') + 1);
        assertThat(lines()).containsExactly(
                routes + ":9: [0].templatedRoute.parameters[4].value: column '更新时间x' is not in table '许可信息'"
                        + " (columns: 许可编号, 行政相对人名称, 许可内容 说明, 更新时间)",
                routes + ":18: [1].templatedRoute.parameters[3].value: table '许可信息表' is not in the PostgreSQL"
                        + " database '" + database + "' (tables: 许可库.许可信息)",
                "2 problems in 17 files (config 6, routes 1, mappings 8, settings 2)");
        assertThat(exit).isEqualTo(1);

        out.reset();
        Files.writeString(routes, Files.readString(routes).replace("更新时间x", "更新时间").replace("许可信息表",
                "许可库.许可信息"));
        assertThat(validate("--routes-dir", dir.resolve("routes").toString(), "--connect",
                "--spring.config.additional-location=optional:file:" + dir.resolve("config") + "/")).isZero();
        assertThat(lines()).containsExactly("OK: 17 files checked (config 6, routes 1, mappings 8, settings 2)");
    }

    private int validate(String... args) {
        return ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
