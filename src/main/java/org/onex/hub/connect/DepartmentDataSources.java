package org.onex.hub.connect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Connection pools to department databases, named in {@code hub.datasources.<name>} and referenced by
 * route files. Read-only unless {@code writable: true} (a department inbox the hub delivers decisions
 * into: give that account INSERT on the inbox table only); created on first use without connecting, so an unreachable department does
 * not stop the hub from starting (its route reports the failure instead).
 */
@Component
public class DepartmentDataSources implements DisposableBean {

    private final Map<String, Definition> definitions;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    public DepartmentDataSources(Definitions definitions) {
        this.definitions = definitions.datasources() == null ? Map.of() : definitions.datasources();
    }

    public DataSource get(String name) {
        Definition d = definitions.get(name);
        if (d == null) {
            throw new IllegalArgumentException("data source '" + name + "' is not defined: set hub.datasources."
                    + name + ".url (known: " + definitions.keySet() + ")");
        }
        return pools.computeIfAbsent(name, n -> open(n, d));
    }

    private static HikariDataSource open(String name, Definition d) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("dept-" + name);
        ds.setJdbcUrl(d.url());
        ds.setUsername(d.username());
        ds.setPassword(d.password());
        ds.setReadOnly(!Boolean.TRUE.equals(d.writable()));
        ds.setMaximumPoolSize(d.maxPoolSize() == null ? 2 : d.maxPoolSize());
        ds.setMinimumIdle(0);
        ds.setConnectionTimeout(5_000);
        ds.setInitializationFailTimeout(-1);
        return ds;
    }

    @Override
    public void destroy() {
        pools.values().forEach(HikariDataSource::close);
    }

    /** One department database; the password comes from the environment in production. */
    public record Definition(String url, String username, String password, Integer maxPoolSize, Boolean writable) {
    }

    @ConfigurationProperties(prefix = "hub")
    public record Definitions(Map<String, Definition> datasources) {
    }
}
