package org.onex.hub.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;

/**
 * Log hygiene (issue 6 item 5): through the hub's own {@code logback-spring.xml}, a message and an exception
 * that carry an ID number and a mobile number reach the console and the log file only masked, in Spring Boot's
 * default layout. Uses a private logger context so the suite's own logging is left alone.
 */
class LogHygieneTest {

    private static final String ID = "330723198506120313";
    private static final String PHONE = "13812345678";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private LoggerContext context;

    @TempDir
    Path dir;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        context = new LoggerContext();
        context.setName("log-hygiene-test");
        context.setMDCAdapter(new LogbackMDCAdapter()); // a context of its own needs its own MDC
    }

    @AfterEach
    void restoreConsole() {
        context.stop();
        System.setOut(originalOut);
    }

    private org.slf4j.Logger configure() throws JoranException {
        URL config = getClass().getClassLoader().getResource("logback-spring.xml");
        assertThat(config).as("logback-spring.xml on the classpath").isNotNull();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        assertThat(context.getStatusManager().getCopyOfStatusList()).filteredOn(s -> s.getLevel() >= Status.WARN)
                .as("logback configuration warnings and errors").isEmpty();
        return context.getLogger("org.onex.hub.ingest.IngestService");
    }

    private static void logPersonalData(org.slf4j.Logger log) {
        log.warn("row 7 quarantined: idNumber {} contact {}", ID, PHONE);
        log.error("ingest failed", new IllegalStateException("duplicate key " + ID,
                new IllegalArgumentException("phone " + PHONE + " rejected")));
    }

    private static void assertMasked(String output) {
        assertThat(output).contains("row 7 quarantined: idNumber 330723********0313 contact 138****5678")
                .contains("java.lang.IllegalStateException: duplicate key 330723********0313")
                .contains("Caused by: java.lang.IllegalArgumentException: phone 138****5678 rejected")
                .doesNotContain(ID, PHONE);
    }

    @Test
    void consoleShowsOnlyMaskedIdAndPhoneNumbersInBootsLayout() throws JoranException {
        org.slf4j.Logger log = configure();

        logPersonalData(log);

        String output = console.toString(StandardCharsets.UTF_8);
        assertMasked(output);
        // Spring Boot's default console layout: level, "---", [application name] once a Boot context in this JVM
        // has set it, thread, logger, " : ", message
        assertThat(output)
                .containsPattern(" WARN +\\d* ?--- (\\[[^\\]]*\\] )?\\[ *main\\] org\\.onex\\.hub\\.ingest\\.IngestService +: row 7");
        assertThat(context.getLogger("ROOT").getAppender("FILE")).as("no file unless LOG_FILE is set").isNull();
    }

    @Test
    void logFileShowsOnlyMaskedIdAndPhoneNumbers() throws JoranException, IOException {
        Path file = dir.resolve("hub.log");
        context.putProperty("LOG_FILE", file.toString()); // what Boot sets for logging.file.name
        org.slf4j.Logger log = configure();

        logPersonalData(log);
        context.stop();

        assertMasked(Files.readString(file));
        assertMasked(console.toString(StandardCharsets.UTF_8));
    }
}
