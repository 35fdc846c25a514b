package org.onex.hub.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The departments each of the bureau's decisions was routed to (R-PENALTY-FEEDBACK): the departments a
 * C3 record "concerns" for the sharing policy's {@code own} access.
 */
@Repository
public class DeliveryTargets {

    private final NamedParameterJdbcTemplate jdbc;

    public DeliveryTargets(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Set<String>> departmentsOf(Collection<Long> recordIds) {
        Map<Long, Set<String>> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT DISTINCT record_id, department FROM hub_delivery WHERE record_id IN (:ids)",
                Map.of("ids", recordIds), rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                });
        return out;
    }
}
