package org.onex.hub.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The JDBC source contract against a department database in the real MariaDB. */
class MariaDbSourceIT extends AbstractJdbcSourceIT {

    static LicenceSource source;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMariaDb("dept_it_maria");
        source = LicenceSource.mariaDb(url);
        hubProperties(registry, "hub_it_maria", url, "root");
    }

    @Override
    LicenceSource source() {
        return source;
    }
}
