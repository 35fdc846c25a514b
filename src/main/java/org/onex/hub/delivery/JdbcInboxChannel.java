package org.onex.hub.delivery;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivers into a department's inbox table ({@link InboxDefinition}): one INSERT per decision version,
 * committed on its own, so each confirmation is a committed row. The key column is the delivery's
 * idempotency key: a row already there (a retry after a crash) counts as delivered, and the table's
 * UNIQUE constraint on it settles a race. Acknowledgements: rows whose ack column the department has
 * filled in are read back by {@link #pollAcks}.
 */
public final class JdbcInboxChannel implements DeliveryChannel, AcknowledgingChannel {

    private final InboxDefinition inbox;
    private final JdbcTemplate jdbc;
    private final String insert;

    public JdbcInboxChannel(InboxDefinition inbox, DataSource dataSource) {
        this.inbox = inbox;
        this.jdbc = new JdbcTemplate(dataSource);
        this.insert = "INSERT INTO " + inbox.table() + " (" + String.join(", ", inbox.columns().keySet())
                + ") VALUES (" + String.join(", ", Collections.nCopies(inbox.columns().size(), "?")) + ")";
    }

    @Override
    public String kind() {
        return "jdbc";
    }

    @Override
    public void deliver(String department, List<DeliveryItem> items, Consumer<DeliveryItem> confirmed)
            throws ChannelUnavailableException {
        for (DeliveryItem item : items) {
            try {
                Integer there = jdbc.queryForObject("SELECT COUNT(*) FROM " + inbox.table() + " WHERE "
                        + inbox.keyColumn() + " = ?", Integer.class, item.key());
                if (there == null || there == 0) {
                    List<Object> values = new ArrayList<>();
                    for (Map.Entry<String, String> c : inbox.columns().entrySet()) {
                        values.add(DeliveryValues.value(item, c.getValue()));
                    }
                    jdbc.update(insert, values.toArray());
                }
            } catch (DuplicateKeyException e) {
                // inserted by an earlier attempt that did not get to confirm: delivered
            } catch (DataAccessException e) {
                if (unreachable(e)) {
                    throw new ChannelUnavailableException("inbox database of " + department + " unreachable: "
                            + e.getMostSpecificCause().getMessage(), e);
                }
                throw new IllegalStateException("inbox " + inbox.table() + " of " + department + " refused "
                        + item.key() + ": " + e.getMostSpecificCause().getMessage(), e);
            }
            confirmed.accept(item);
        }
    }

    /** Connection-level failures: the database is down or the network between is. */
    static boolean unreachable(DataAccessException e) {
        if (e instanceof DataAccessResourceFailureException || e instanceof RecoverableDataAccessException
                || e instanceof TransientDataAccessResourceException) {
            return true;
        }
        Throwable c = e.getMostSpecificCause();
        return c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                || c instanceof SQLRecoverableException || c instanceof java.net.ConnectException
                || (c instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08"));
    }

    /** Acknowledges delivered decisions whose inbox row has the ack column set; returns how many. */
    @Override
    public int pollAcks(String department, DeliveryStore store, Clock clock) {
        if (inbox.ackColumn() == null) {
            return 0;
        }
        List<Delivery> waiting = store.awaitingAck(department, 500);
        if (waiting.isEmpty()) {
            return 0;
        }
        List<Object> keys = new ArrayList<>(waiting.stream().map(Delivery::key).toList());
        List<String> acked = jdbc.queryForList("SELECT " + inbox.keyColumn() + " FROM " + inbox.table() + " WHERE "
                + inbox.ackColumn() + " IS NOT NULL AND " + inbox.keyColumn() + " IN ("
                + String.join(",", Collections.nCopies(keys.size(), "?")) + ")", String.class, keys.toArray());
        int n = 0;
        for (Delivery d : waiting) {
            if (acked.contains(d.key()) && store.acknowledge(d.id(), "inbox " + inbox.table() + "."
                    + inbox.ackColumn(), clock.instant())) {
                n++;
            }
        }
        return n;
    }
}
