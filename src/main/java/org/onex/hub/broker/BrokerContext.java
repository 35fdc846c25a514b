package org.onex.hub.broker;

import java.time.Clock;

import org.onex.hub.audit.AuditLog;
import org.onex.hub.audit.AuditProperties;
import org.onex.hub.audit.BrokerReadProgress;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.auth.BrokerHubLogin;
import org.onex.hub.auth.BrokerSecurityInstaller;
import org.onex.hub.auth.BrokerSecurityManager;
import org.onex.hub.auth.BrokerSessions;
import org.onex.hub.auth.SecurityProperties;
import org.onex.hub.feed.ArtemisNetworkAcceptor;
import org.onex.hub.feed.ArtemisSecurity;
import org.onex.hub.feed.BrokerReads;
import org.onex.hub.feed.FeedTopics;
import org.onex.hub.policy.SharingConfiguration;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.registry.RegistryConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The standalone broker's Spring context: Spring Boot's embedded Artemis server with the hub's own broker beans
 * (the same classes the hub's embedded broker is customized with, so they stay the one source of the broker's
 * security), the hub store they read and write (API keys, audit log, read progress; Flyway migrates it as the hub
 * would), the registry and sharing policy the topics derive from, and nothing else: no web server, no Camel, no
 * sources, deliveries or feed publishing. Not a {@code @Configuration}, so the hub's component scan never picks it
 * up; {@link BrokerPair} and {@link BrokerTimers} exist only here.
 */
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
    ArtemisAutoConfiguration.class })
@EnableConfigurationProperties({ AuditProperties.class, SecurityProperties.class, BrokerProperties.class })
@Import({ RegistryConfiguration.class, SharingConfiguration.class, SharingEnforcer.class, FeedTopics.class,
    AuditLog.class, ApiClients.class, BrokerReadProgress.class, BrokerHubLogin.class, BrokerSecurityManager.class,
    BrokerSecurityInstaller.class, BrokerSessions.class, BrokerReads.class, ArtemisSecurity.class,
    ArtemisNetworkAcceptor.class })
class BrokerContext {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BrokerPair brokerPair(BrokerProperties properties) {
        return new BrokerPair(properties);
    }

    @Bean
    BrokerTimers brokerTimers(BrokerSessions sessions, BrokerReads reads, BrokerReadProgress progress,
            Environment env) {
        return new BrokerTimers(sessions, reads, progress, env);
    }
}
