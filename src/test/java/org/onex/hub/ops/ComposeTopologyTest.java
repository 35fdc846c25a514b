package org.onex.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


/**
 * docker/compose.yaml describes the topology the cluster fault run starts as processes (issue 16 item 6: hub nodes
 * in one Hazelcast cluster on PostgreSQL, a shared-store broker pair), and sets only what the hub reads: this test
 * fails when the compose file drifts from application-prod.yaml, BrokerCommand, the Dockerfile or docker/routes.
 * No container engine runs here, so this is the check that the compose file would start a working hub.
 */
class ComposeTopologyTest {

    @Test
    void theComposeFileDescribesTheHubsTopology() throws Exception {
        assertThat(ComposeChecks.problems(read("docker/compose.yaml"), read("docker/hub.env.example"))).isEmpty();
    }

    @Test
    void theImageHandsItsCommandToTheJarAndWorksInTheDataFoldersParent() throws IOException {
        String dockerfile = read("docker/Dockerfile");
        assertThat(dockerfile).as("ENTRYPOINT must pass the container's command (broker --primary …) to the jar")
                .contains("onex-hub.jar \\\"$@\\\"").contains("$JAVA_OPTS").contains("WORKDIR /opt/hub");
    }

    /** Each drift the test exists for, made on a copy of the real files: the check must name it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HUB_CLUSTER_MEMBERS: hub-1:5701,hub-2:5701 | HUB_CLUSTER_MEMBRES: hub-1:5701,hub-2:5701 | sets HUB_CLUSTER_MEMBRES",
        "HUB_CLUSTER_MEMBERS: hub-1:5701,hub-2:5701 | HUB_CLUSTER_MEMBERS: hub-1:5701,hub-3:5701 | the hub members are",
        "HUB_CLUSTER_MEMBERS: hub-1:5701,hub-2:5701 | HUB_CLUSTER_MEMBERS: hub-1:5701 | the hub members are",
        ",tcp://broker-backup:61616)?ha=true | )?ha=true | does not name broker-backup:61616",
        "\"--peer\", \"broker-backup:61616\" | \"--peers\", \"broker-backup:61616\" | unknown option --peers",
        "- broker-journal:/opt/hub/journal\\n    ports: [\"61617 | - backup-journal:/opt/hub/journal\\n    ports: [\"61617 | does not share one journal volume",
        "- hub-2-data:/opt/hub/data | - ./data:/opt/hub/data | hub-2: hub.data-dir",
        "pg_isready -U hub -d hub | | postgres: no healthcheck",
        "HUB_DB_PASSWORD=<a long random password> | HUB_DB_PASS=<a long random password> | HUB_DB_PASS is read by no",
        "SCJGJ_DB_URL: jdbc:mariadb://dept-db:3306/scjgj | SCJGJ_URL: jdbc:mariadb://dept-db:3306/scjgj | docker/routes needs SCJGJ_DB_URL",
    })
    void aDriftIsNamed(String original, String broken, String named) throws Exception {
        String compose = read("docker/compose.yaml");
        String env = read("docker/hub.env.example");
        String from = original.replace("\\n", "\n");
        String to = broken == null ? "" : broken.replace("\\n", "\n");
        boolean inEnv = env.contains(from);
        assertThat(inEnv || compose.contains(from)).as("the case's text is in the files: " + from).isTrue();
        List<String> problems = inEnv ? ComposeChecks.problems(compose, env.replace(from, to))
                : ComposeChecks.problems(from.equals("pg_isready -U hub -d hub") ? dropPostgresHealthcheck(compose)
                        : compose.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)), env);
        assertThat(problems).as("problems").anySatisfy(p -> assertThat(p).contains(named));
    }

    private static String dropPostgresHealthcheck(String compose) {
        int start = compose.indexOf("    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready");
        return compose.substring(0, start) + compose.substring(compose.indexOf("    volumes:", start));
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }
}
