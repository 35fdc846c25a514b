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
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.ingest.DeadlineExceededException;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestResult;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.ingest.WorkDeadline;
import org.onex.hub.ingest.file.FileFormat;
import org.onex.hub.ingest.file.FileLayout;
import org.onex.hub.ingest.file.FileRejectedException;
import org.onex.hub.ingest.file.RowFileReader;
import org.onex.hub.ingest.push.PushLimits;
import org.onex.hub.ingest.push.PushProperties;
import org.onex.hub.ingest.push.PushRefusedException;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubJson;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/ingest/{department}/{feed}}: a department pushes rows (a JSON array, or NDJSON
 * with {@code Content-Type: application/x-ndjson}) through the same mapping, store and quarantine as
 * every other source, in one transaction, and gets the outcome of every row back. The push is bounded
 * (bytes, rows, the department's pushes at once and rows per period) and commits within its deadline or not at
 * all, and the answer says which.
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
    private final PushLimits limits;

    public PushApi(SharingEnforcer enforcer, AuditLog audit, PushProperties properties, DepartmentRegistry registry,
            MappingRegistry mappings, IngestService ingest, Clock clock, PushLimits limits) {
        this.enforcer = enforcer;
        this.audit = audit;
        this.properties = properties;
        this.registry = registry;
        this.mappings = mappings;
        this.ingest = ingest;
        this.clock = clock;
        this.limits = limits;
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
        PushProperties.Limits bounds = limits.limits(department);
        // a department's pushes at once are bounded before its body is read
        try (PushLimits.Slot slot = limits.enter(department)) {
            return push(exchange, client, department, feed, bounds);
        } catch (PushRefusedException e) {
            throw new ApiException(e.status(), null, e.getMessage()).retryAfter(e.retryAfterSeconds());
        }
    }

    private ObjectNode push(Exchange exchange, Client client, String department, String feed,
            PushProperties.Limits bounds) {
        var m = exchange.getMessage();
        // the push commits before this deadline or not at all; the answer says which
        WorkDeadline deadline = WorkDeadline.after(clock, bounds.timeout());
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
            // the receipt time is the rows' source time unless the mapping maps one (newest wins)
            RowFileReader.read(in, "REST push " + now, new FileLayout(format, StandardCharsets.UTF_8, null, List.of()),
                    row -> {
                        if (rows.size() == bounds.maxRows()) {
                            throw new TooManyRows();
                        }
                        if (rows.size() % 1_000 == 0) {
                            deadline.check("reading row " + rows.size());
                        }
                        rows.add(row.withSourceTime(now));
                    });
        } catch (FileRejectedException e) {
            throw ApiException.badParameter("body", "malformed " + format.name().toLowerCase(Locale.ROOT) + " body: "
                    + e.reason());
        } catch (TooLarge e) {
            throw tooLarge(limit);
        } catch (TooManyRows e) {
            throw new ApiException(413, "body", "the request holds more than " + bounds.maxRows() + " rows"
                    + " (hub.push.max-rows); nothing was stored: push fewer rows per request");
        } catch (DeadlineExceededException e) {
            throw new ApiException(408, "body", "the request body was not read within " + seconds(bounds)
                    + " (hub.push.timeout); nothing was stored").with("committed", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw ApiException.badParameter("body", "the body holds no rows");
        }
        limits.spend(department, rows.size());
        IngestResult result;
        try {
            result = ingest.ingestBefore(new IngestBatch(department, feed, rows, null, now, "push:" + client.id()),
                    deadline);
        } catch (DeadlineExceededException e) {
            audit.record(client, AuditAction.PUSH, department + "/" + feed, java.util.Map.of("rows", rows.size(),
                    "stored", 0, "rolledBack", "deadline: " + e.step()));
            throw new ApiException(503, null, "the push of " + rows.size() + " rows did not finish within "
                    + seconds(bounds) + " (hub.push.timeout) and was rolled back: nothing of it was stored ("
                    + e.step() + "); push fewer rows per request").with("committed", false).with("rows", rows.size());
        }
        audit.record(client, AuditAction.PUSH, department + "/" + feed, java.util.Map.of("rows", rows.size(),
                "stored", result.rows().stream().filter(r -> r.recordId() != null).count()));
        return json(result);
    }

    private static String seconds(PushProperties.Limits bounds) {
        return bounds.timeout().toMillis() % 1000 == 0 ? bounds.timeout().toSeconds() + " s"
                : bounds.timeout().toMillis() + " ms";
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
        // the failures of a quarantine entry are listed at its first row; a later row of the same entry
        // that failed the same rules points there ("sameFailuresAs": index), so the answer stays small
        java.util.Map<Long, RowOutcome> listed = new java.util.HashMap<>();
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
                RowOutcome first = listed.putIfAbsent(r.quarantineId(), r);
                if (first != null && first.violations().equals(r.violations())) {
                    n.put("sameFailuresAs", first.index());
                } else {
                    n.set("failures", QuarantineApi.failures(r.violations()));
                }
            }
        }
        return out;
    }

    /** More rows than the department's {@code hub.push.max-rows}: reading stops there. */
    private static final class TooManyRows extends RuntimeException {
        private static final long serialVersionUID = 1L;
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
