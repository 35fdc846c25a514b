package org.onex.hub.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onex.hub.schema.HubJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The exchanges, their events and materials, and the content-addressed attachments (V13). */
@Repository
public class ExchangeStore {

    private static final String COLUMNS = "id, exchange_no, kind, state, sender, receiver, receiver_why, title, urgent,"
            + " letter, discovered_at, submitted_at, received_at, reply_due_at, answered_at, record_id, row_version,"
            + " updated_at";

    private final JdbcTemplate jdbc;

    public ExchangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One event of an exchange, in order. */
    public record Event(int seq, Instant at, String actor, String actorUnit, String event, ExchangeState state,
            JsonNode detail, int recordVersion) {
    }

    /** One material of an exchange: which event brought it, what it is, and its stored attachment. */
    public record MaterialRef(int eventSeq, Material material, String fileName, String sha256, String mediaType,
            long sizeBytes) {
    }

    /** Inserts a new exchange (its number is set from its id by {@link #number}); returns the id. */
    public long insert(ExchangeKind kind, String sender, String receiver, String receiverWhy, String title,
            boolean urgent, ObjectNode letter, Instant discoveredAt, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO hub_exchange (exchange_no, kind, state, sender, receiver,"
                    + " receiver_why, title, urgent, letter, discovered_at, submitted_at, record_id, row_version,"
                    + " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,0,0,?)", new String[] { "id" });
            ps.setString(1, "new-" + java.util.UUID.randomUUID());
            ps.setString(2, kind.name());
            ps.setString(3, ExchangeState.SUBMITTED.name());
            ps.setString(4, sender);
            ps.setString(5, receiver);
            ps.setString(6, truncate(receiverWhy, 256));
            ps.setString(7, truncate(title, 256));
            ps.setBoolean(8, urgent);
            ps.setString(9, HubJson.write(letter));
            ps.setTimestamp(10, ts(discoveredAt));
            ps.setTimestamp(11, ts(now));
            ps.setTimestamp(12, ts(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Gives a new exchange its number and record. */
    public void number(long id, String number, long recordId) {
        jdbc.update("UPDATE hub_exchange SET exchange_no = ?, record_id = ? WHERE id = ?", number, recordId, id);
    }

    /** The exchange, locked for update until the transaction ends (state changes are serialised per exchange). */
    public Optional<Exchange> lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_exchange WHERE id = ? FOR UPDATE", EXCHANGE, id).stream()
                .findFirst();
    }

    public Optional<Exchange> findByNumber(String number) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_exchange WHERE exchange_no = ?", EXCHANGE, number).stream()
                .findFirst();
    }

    public Optional<Exchange> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_exchange WHERE id = ?", EXCHANGE, id).stream().findFirst();
    }

    /** Writes a state change: state, clocks and the new row version. */
    public void update(long id, ExchangeState state, Instant receivedAt, Instant replyDueAt, Instant answeredAt,
            int rowVersion, Instant now) {
        jdbc.update("UPDATE hub_exchange SET state = ?, received_at = ?, reply_due_at = ?, answered_at = ?,"
                + " row_version = ?, updated_at = ? WHERE id = ?", state.name(), ts(receivedAt), ts(replyDueAt),
                ts(answeredAt), rowVersion, ts(now), id);
    }

    public void addEvent(long exchangeId, int seq, Instant at, String actor, String actorUnit, String event,
            ExchangeState state, JsonNode detail, int recordVersion) {
        jdbc.update("INSERT INTO hub_exchange_event (exchange_id, seq, at, actor, actor_unit, event, state, detail,"
                + " record_version) VALUES (?,?,?,?,?,?,?,?,?)", exchangeId, seq, ts(at), actor, actorUnit, event,
                state.name(), HubJson.write(detail), recordVersion);
    }

    public List<Event> events(long exchangeId) {
        return jdbc.query("SELECT seq, at, actor, actor_unit, event, state, detail, record_version"
                + " FROM hub_exchange_event WHERE exchange_id = ? ORDER BY seq", (rs, n) -> new Event(rs.getInt(1),
                        instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                        ExchangeState.valueOf(rs.getString(6)), json(rs.getString(7)), rs.getInt(8)), exchangeId);
    }

    /**
     * Stores an attachment's content once; a second exchange with the same bytes shares it. (Two transactions
     * storing the same new bytes at the same moment: one fails on the primary key and its caller retries; H2 has
     * no {@code ON CONFLICT DO NOTHING}.)
     */
    public void putAttachment(Attachments.Content content, Instant now) {
        jdbc.update("INSERT INTO hub_attachment (sha256, media_type, size_bytes, content, created_at)"
                + " SELECT ?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM hub_attachment WHERE sha256 = ?)",
                content.sha256(), content.type().mediaType(), (long) content.bytes().length, content.bytes(), ts(now),
                content.sha256());
    }

    /** The media type and size of a stored attachment, if stored. */
    public Optional<String[]> attachmentInfo(String sha256) {
        return jdbc.query("SELECT media_type, size_bytes FROM hub_attachment WHERE sha256 = ?",
                (rs, n) -> new String[] { rs.getString(1), Long.toString(rs.getLong(2)) }, sha256).stream().findFirst();
    }

    /** A stored attachment's bytes and media type. */
    public Optional<Stored> attachment(String sha256) {
        return jdbc.query("SELECT media_type, content FROM hub_attachment WHERE sha256 = ?",
                (rs, n) -> new Stored(rs.getString(1), rs.getBytes(2)), sha256).stream().findFirst();
    }

    /** An attachment's content as stored. */
    public record Stored(String mediaType, byte[] bytes) {
    }

    public void addMaterial(long exchangeId, int eventSeq, Material material, String fileName, String sha256) {
        jdbc.update("INSERT INTO hub_exchange_material (exchange_id, event_seq, material, file_name, sha256)"
                + " VALUES (?,?,?,?,?)", exchangeId, eventSeq, material.name(), truncate(fileName, 256), sha256);
    }

    public List<MaterialRef> materials(long exchangeId) {
        return jdbc.query("SELECT m.event_seq, m.material, m.file_name, m.sha256, a.media_type, a.size_bytes"
                + " FROM hub_exchange_material m JOIN hub_attachment a ON a.sha256 = m.sha256"
                + " WHERE m.exchange_id = ? ORDER BY m.event_seq, m.material, m.file_name", (rs, n) -> new MaterialRef(
                        rs.getInt(1), Material.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)), exchangeId);
    }

    /** The exchanges an attachment belongs to (who may download it follows from them). */
    public List<Long> exchangesWith(String sha256) {
        return jdbc.queryForList("SELECT DISTINCT exchange_id FROM hub_exchange_material WHERE sha256 = ?",
                Long.class, sha256);
    }

    /**
     * Exchanges, newest first, filtered: {@code unit} as sender or receiver (or either when {@code role} is null),
     * kind and state; keyset paging by id.
     */
    public List<Exchange> list(String unit, String role, ExchangeKind kind, ExchangeState state, Long beforeId,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM hub_exchange WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (unit != null) {
            if ("sender".equals(role)) {
                sql.append(" AND sender = ?");
                args.add(unit);
            } else if ("receiver".equals(role)) {
                sql.append(" AND receiver = ?");
                args.add(unit);
            } else {
                sql.append(" AND (sender = ? OR receiver = ?)");
                args.add(unit);
                args.add(unit);
            }
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind.name());
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.name());
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), EXCHANGE, args.toArray());
    }

    /**
     * Submitted exchanges not yet received whose first version the receiver's channel has confirmed: their ids and
     * the time of the confirmation (the receipt that starts the reply clock). For a copy notice the confirmation is
     * the unit's receipt of it.
     */
    public List<long[]> deliveredNotReceived(int limit) {
        // a copy notice (channel 'notice') is received when the unit signs for it: its acknowledgement
        return jdbc.query("SELECT x.id, CASE WHEN d.channel = 'notice' THEN d.acknowledged_at ELSE d.delivered_at END"
                + " FROM hub_exchange x JOIN hub_delivery d"
                + " ON d.record_id = x.record_id AND d.version = 1 AND d.department = x.receiver"
                + " WHERE x.state = 'SUBMITTED' AND x.received_at IS NULL AND d.status = 'DELIVERED'"
                + " AND (d.channel = 'notice' AND d.acknowledged_at IS NOT NULL"
                + " OR COALESCE(d.channel, '') <> 'notice' AND d.delivered_at IS NOT NULL) ORDER BY x.id LIMIT ?",
                (rs, n) -> new long[] { rs.getLong(1), rs.getTimestamp(2).toInstant().toEpochMilli() }, limit);
    }

    /** Open exchanges whose receiver's reply is past due at {@code now}. */
    public List<Exchange> pastDue(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_exchange WHERE state IN ('SUBMITTED', 'DISPUTED')"
                + " AND reply_due_at < ? ORDER BY reply_due_at LIMIT ?", EXCHANGE, ts(now), limit);
    }

    /**
     * Urgent assistance requests submitted before {@code before} for which the department has not confirmed that
     * staff are on the way (R-ASSIST-URGENT).
     */
    public List<Exchange> urgentWithoutStaff(Instant before, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_exchange x WHERE " + URGENT_WITHOUT_STAFF
                + " ORDER BY x.id LIMIT ?", EXCHANGE, ts(before), limit);
    }

    /** Whether exchange {@code id} is (still) one of {@link #urgentWithoutStaff}. */
    public boolean urgentWithoutStaff(long id, Instant before) {
        return !jdbc.queryForList("SELECT x.id FROM hub_exchange x WHERE " + URGENT_WITHOUT_STAFF + " AND x.id = ?",
                Long.class, ts(before), id).isEmpty();
    }

    private static final String URGENT_WITHOUT_STAFF = "x.kind = 'ASSISTANCE_REQUEST' AND x.urgent = TRUE"
            + " AND x.state = 'SUBMITTED' AND x.submitted_at < ? AND NOT EXISTS (SELECT 1 FROM hub_exchange_event e"
            + " WHERE e.exchange_id = x.id AND e.event IN ('STAFF_DISPATCHED', 'REPLY'))";

    private static final RowMapper<Exchange> EXCHANGE = ExchangeStore::exchange;

    private static Exchange exchange(ResultSet rs, int n) throws SQLException {
        return new Exchange(rs.getLong("id"), rs.getString("exchange_no"), ExchangeKind.valueOf(rs.getString("kind")),
                ExchangeState.valueOf(rs.getString("state")), rs.getString("sender"), rs.getString("receiver"),
                rs.getString("receiver_why"), rs.getString("title"), rs.getBoolean("urgent"),
                (ObjectNode) json(rs.getString("letter")), instant(rs, "discovered_at"), instant(rs, "submitted_at"),
                instant(rs, "received_at"), instant(rs, "reply_due_at"), instant(rs, "answered_at"),
                rs.getLong("record_id"), rs.getInt("row_version"), instant(rs, "updated_at"));
    }

    private static JsonNode json(String text) {
        try {
            return HubJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored exchange JSON is not JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
