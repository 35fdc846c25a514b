package org.onex.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.store.AlertStore;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Alerts in the log: an alert is logged when it opens; raised again while open (a department unreachable at every
 * poll) it is counted on the alert, not logged again at WARN or ERROR; one the store cannot take is still logged.
 */
class AlertsTest {

    private HikariDataSource dataSource;
    private AlertStore store;
    private Alerts alerts;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Alerts.class);
    private Level level;

    @BeforeEach
    void open() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:alerts-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        store = new AlertStore(new JdbcTemplate(dataSource));
        // never connected: alerts raised outside a transaction are not published
        alerts = new Alerts(store, new ActiveMQConnectionFactory("vm://0"),
                Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC));
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() {
        logger.detachAppender(log);
        logger.setLevel(level);
        dataSource.close();
    }

    @Test
    void anAlertIsLoggedWhenItOpensAndOnlyCountedWhileItStaysOpen() {
        long first = alerts.warning(Alerts.SOURCE_UNREACHABLE, "sthjj", "licences", "sftp://10.0.0.5:22/drop",
                "cannot poll (3 failed polls in a row)");
        long again = alerts.warning(Alerts.SOURCE_UNREACHABLE, "sthjj", "licences", "sftp://10.0.0.5:22/drop",
                "cannot poll (4 failed polls in a row)");
        assertThat(again).isEqualTo(first);
        assertThat(store.find(first).orElseThrow().timesSeen()).isEqualTo(2);
        assertThat(messages(Level.WARN)).containsExactly(
                "ALERT SOURCE_UNREACHABLE sthjj/licences: sftp://10.0.0.5:22/drop - cannot poll (3 failed polls in a row)");

        alerts.error(Alerts.NO_COMPETENT_DEPARTMENT, "zhzf", "decisions", "罚决字〔2026〕9号", "no competent department");
        alerts.error(Alerts.NO_COMPETENT_DEPARTMENT, "zhzf", "decisions", "罚决字〔2026〕9号", "no competent department");
        assertThat(messages(Level.ERROR)).hasSize(1).allMatch(m -> m.startsWith("ALERT NO_COMPETENT_DEPARTMENT"));
    }

    /** Issue 17 item 5: the code and typed arguments are stored beside the messages the API answers. */
    @Test
    void anAlertKeepsItsMessageCodeAndArgumentsBesideItsMessages() {
        Instant due = Instant.parse("2026-11-23T16:00:00Z");
        long id = alerts.rule(Alerts.OBLIGATION_OVERDUE, "ERROR", "R-APPROVAL-NOTICE", "scjgj", "XK-7", "中文 " + due,
                "English " + due, null, null, AlertText.of(Alerts.OBLIGATION_OVERDUE).rule("R-APPROVAL-NOTICE")
                        .text("XK-7").unit("scjgj").deadline(due).build());
        var alert = store.find(id).orElseThrow();
        assertThat(alert.message()).isEqualTo("中文 2026-11-23T16:00:00Z");
        assertThat(alert.messageEn()).isEqualTo("English 2026-11-23T16:00:00Z");
        assertThat(alert.textCode()).isEqualTo(Alerts.OBLIGATION_OVERDUE);
        assertThat(alert.textArgs()).containsExactly("r:R-APPROVAL-NOTICE", "s:XK-7", "u:scjgj",
                "d:2026-11-23T16:00:00Z");
        assertThat(org.onex.hub.schema.HubJson.write(alert)).as("the API answers the alert as before")
                .contains("\"messageEn\":\"English 2026-11-23T16:00:00Z\"").doesNotContain("textCode", "textArgs");
        assertThat(store.find(alerts.warning(Alerts.SOURCE_UNREACHABLE, "sthjj", "licences", "route", "down"))
                .orElseThrow().textArgs()).as("an alert without a code").isEmpty();
    }

    @Test
    void anAlertTheStoreCannotTakeIsStillLogged() {
        dataSource.close();
        assertThatThrownBy(() -> alerts.error(Alerts.FILE_REJECTED, "sthjj", "licences", "broken.csv",
                "line 3: 5 fields, expected 27")).isInstanceOf(RuntimeException.class);
        assertThat(messages(Level.ERROR)).singleElement().asString()
                .startsWith("ALERT FILE_REJECTED sthjj/licences: broken.csv - line 3: 5 fields, expected 27 (not stored: ");
    }

    private List<String> messages(Level at) {
        return log.list.stream().filter(e -> e.getLevel() == at).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
