package org.onex.hub.ops;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onex.hub.delivery.DeliveryTemplates;
import org.onex.hub.ingest.file.SftpSourceTemplate;
import org.onex.hub.ingest.http.HttpSourceTemplate;
import org.onex.hub.ingest.jdbc.JdbcSourceTemplate;

/**
 * The parameter contract of each hub route template, as {@code validate} checks route files against it. Written out
 * here because the templates need the running hub to be built; {@code ValidateCommandTest} keeps both in step.
 */
final class TemplateContracts {

    /** The parameters each template declares (templateParameter and templateOptionalParameter), as in its class. */
    static final Map<String, List<String>> PARAMETERS = Map.of(
            JdbcSourceTemplate.ID, List.of("department", "feed", "dataSource", "table", "query", "cursorTime",
                    "cursorKey", "batchSize", "pollInterval", "initialDelay", "commitDelay", "lookback", "sweepEvery",
                    "maxBatchesPerPoll"),
            SftpSourceTemplate.ID, List.of("department", "feed", "host", "port", "username", "password",
                    "privateKeyFile", "privateKeyPassphrase", "directory", "filePattern", "format", "encoding", "sheet",
                    "readLock", "stableFor", "batchSize", "pollInterval", "initialDelay"),
            HttpSourceTemplate.ID, List.of("department", "feed", "url", "sinceParam", "pageParam", "limitParam",
                    "pageSize", "itemsPointer", "nextPointer", "cursorField", "initialSince", "authHeader", "authValue",
                    "pollInterval", "initialDelay", "connectTimeout", "readTimeout", "maxRetries", "retryDelay",
                    "maxPagesPerPoll"),
            DeliveryTemplates.JDBC, List.of("department", "maxAttempts", "retryDelay", "maxRetryDelay", "dataSource",
                    "inbox"),
            DeliveryTemplates.SFTP, List.of("department", "maxAttempts", "retryDelay", "maxRetryDelay", "host", "port",
                    "username", "password", "privateKeyFile", "privateKeyPassphrase", "directory", "format",
                    "encoding"),
            DeliveryTemplates.REST, List.of("department", "maxAttempts", "retryDelay", "maxRetryDelay", "url",
                    "authHeader", "authValue", "connectTimeout", "timeout"));

    /** Parameters a route must give, per template; {@code a|b} means at least one of them. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            JdbcSourceTemplate.ID, List.of("department", "feed", "dataSource", "cursorTime", "cursorKey",
                    "table|query"),
            SftpSourceTemplate.ID, List.of("department", "feed", "host", "username", "format",
                    "password|privateKeyFile"),
            HttpSourceTemplate.ID, List.of("department", "feed", "url"),
            DeliveryTemplates.JDBC, List.of("department", "dataSource"),
            DeliveryTemplates.SFTP, List.of("department", "host", "username", "password|privateKeyFile"),
            DeliveryTemplates.REST, List.of("department", "url"));

    /** Templates that read a department feed, so need {@code mappings/<department>/<feed>.yaml}. */
    static final Set<String> SOURCES = Set.of(JdbcSourceTemplate.ID, SftpSourceTemplate.ID, HttpSourceTemplate.ID);

    /** The hub templates, in the order they are listed in messages. */
    static final List<String> TEMPLATES = List.of(JdbcSourceTemplate.ID, SftpSourceTemplate.ID,
            HttpSourceTemplate.ID, DeliveryTemplates.JDBC, DeliveryTemplates.SFTP, DeliveryTemplates.REST);

    private TemplateContracts() {
    }
}
