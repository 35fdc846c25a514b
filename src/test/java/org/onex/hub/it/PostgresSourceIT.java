package org.onex.hub.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The JDBC source contract against a department database in the real PostgreSQL. */
class PostgresSourceIT extends AbstractJdbcSourceIT {

    static LicenceSource source;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgres("dept_it_pg");
        source = LicenceSource.postgres(url);
        hubProperties(registry, "hub_it_pg", url, "postgres");
    }

    @Override
    LicenceSource source() {
        return source;
    }
}
