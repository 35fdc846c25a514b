package org.onex.hub.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestResult;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.ingest.file.FileFormat;
import org.onex.hub.ingest.file.FileLayout;
import org.onex.hub.ingest.file.FileRejectedException;
import org.onex.hub.ingest.file.RowFileReader;
import org.onex.hub.ingest.push.PushProperties;
import org.onex.hub.security.AuditAction;
import org.onex.hub.security.AuditLog;
import org.onex.hub.security.Client;
import org.onex.hub.security.SharingEnforcer;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubJson;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/ingest/{department}/{feed}}: a department pushes rows (a JSON array, or NDJSON
 * with {@code Content-Type: application/x-ndjson}) through the same mapping, store and quarantine as
 * every other source, in one transaction, and gets the outcome of every row back.
 */
@Component
public class PushApi {

    private final SharingEnforcer enforcer;
    private final AuditLog audit;
    private final PushProperties properties;
    private final DepartmentRegistry registry;
    private final MappingRegistry mappings;
    private final IngestService ingest;
    private final Clock clock;

    public PushApi(SharingEnforcer enforcer, AuditLog audit, PushProperties properties, DepartmentRegistry registry,
            MappingRegistry mappings, IngestService ingest, Clock clock) {
        this.enforcer = enforcer;
        this.audit = audit;
        this.properties = properties;
        this.registry = registry;
        this.mappings = mappings;
        this.ingest = ingest;
        this.clock = clock;
    }

    public ObjectNode push(Exchange exchange) {
        var m = exchange.getMessage();
        // the client's key (or the department's push key of hub.push.keys), checked by ApiKeyAuthenticationFilter
        Client client = Callers.of(exchange);
        String keyDepartment = enforcer.unitOf(client).orElse(client.id());
        String department = m.getHeader("department", String.class);
        String feed = m.getHeader("feed", String.class);
        if (registry.find(department).isEmpty()) {
            throw ApiException.notFound("unknown department '" + department + "'");
        }
        if (mappings.find(department, feed).isEmpty()) {
            throw ApiException.notFound("department " + department + " has no feed '" + feed + "' (no mappings/"
                    + department + "/" + feed + ".yaml)");
        }
        if (!keyDepartment.equals(department)) {
            throw new ApiException(403, null, "the key of " + keyDepartment + " may only push to feeds of "
                    + keyDepartment);
        }
        long limit = properties.maxBodySize().toBytes();
        Long length = m.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (length != null && length > limit) {
            throw tooLarge(limit);
        }
        FileFormat format = format(m.getHeader(Exchange.CONTENT_TYPE, String.class));
        Instant now = clock.instant();
        List<SourceRow> rows = new ArrayList<>();
        InputStream body = m.getBody(InputStream.class);
        if (body == null) {
            throw ApiException.badParameter("body", "the request has no body");
        }
        try (InputStream in = new Limited(body, limit)) {
            // the receipt time is the rows' source time unless the mapping maps one (issue 12, newest wins)
            RowFileReader.read(in, "REST push " + now, new FileLayout(format, StandardCharsets.UTF_8, null, List.of()),
                    row -> rows.add(row.withSourceTime(now)));
        } catch (FileRejectedException e) {
            throw ApiException.badParameter("body", "malformed " + format.name().toLowerCase(Locale.ROOT) + " body: "
                    + e.reason());
        } catch (TooLarge e) {
            throw tooLarge(limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw ApiException.badParameter("body", "the body holds no rows");
        }
        IngestResult result = ingest.ingest(new IngestBatch(department, feed, rows, null, now, "push:" + client.id()));
        audit.record(client, AuditAction.PUSH, department + "/" + feed, java.util.Map.of("rows", rows.size(),
                "stored", result.rows().stream().filter(r -> r.recordId() != null).count()));
        return json(result);
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, null, "the request body is larger than " + limit
                + " bytes (hub.push.max-body-size); push fewer rows per request");
    }

    private static FileFormat format(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        switch (type) {
        case "application/json":
            return FileFormat.JSON;
        case "application/x-ndjson":
        case "application/ndjson":
        case "application/jsonl":
            return FileFormat.NDJSON;
        default:
            throw new ApiException(415, null, "Content-Type '" + contentType
                    + "' is not accepted: send application/json (an array of rows) or application/x-ndjson");
        }
    }

    private static ObjectNode json(IngestResult result) {
        ObjectNode out = HubJson.mapper().createObjectNode();
        out.put("department", result.department());
        out.put("feed", result.feed());
        out.put("rows", result.rows().size());
        out.put("stored", result.count(RowOutcome.Status.STORED));
        out.put("newVersions", result.count(RowOutcome.Status.NEW_VERSION));
        out.put("unchanged", result.count(RowOutcome.Status.UNCHANGED));
        out.put("superseded", result.count(RowOutcome.Status.SUPERSEDED));
        out.put("quarantined", result.count(RowOutcome.Status.QUARANTINED));
        ArrayNode items = out.putArray("results");
        for (RowOutcome r : result.rows()) {
            ObjectNode n = items.addObject();
            n.put("index", r.index());
            n.put("sourceKey", r.sourceKey());
            n.put("status", r.status().name());
            if (r.recordId() != null) {
                n.put("recordId", r.recordId());
                n.put("version", r.version());
            }
            if (r.reason() != null) {
                n.put("reason", r.reason());
            }
            if (r.quarantineId() != null) {
                n.put("quarantineId", r.quarantineId());
                n.set("failures", QuarantineApi.failures(r.violations()));
            }
        }
        return out;
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Fails with {@link TooLarge} as soon as more than {@code limit} bytes are read. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }
    }
}
