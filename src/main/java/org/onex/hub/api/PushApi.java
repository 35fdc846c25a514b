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
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/ingest/{department}/{feed}}: a department pushes rows (a JSON array, or NDJSON
 * with {@code Content-Type: application/x-ndjson}) through the same mapping, store and quarantine as
 * every other source, in one transaction, and gets the outcome of every row back. The push is bounded
 * (bytes, rows, the department's pushes at once and rows per period) and commits within its deadline or not at
 * all, and the answer says which.
 */
@RestController
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

    /** The outcome of a push: counts by outcome, and every row's outcome in the order sent. */
    public record PushAnswer(String department, String feed, int rows, long stored, long newVersions, long unchanged,
            long superseded, long quarantined, List<PushRow> results) {
    }

    /**
     * One row's outcome. The failures of a quarantine entry are listed at its first row; a later row of the same
     * entry that failed the same rules points there ({@code sameFailuresAs}: index), so the answer stays small.
     */
    public record PushRow(int index, @JsonInclude(JsonInclude.Include.ALWAYS) String sourceKey, String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long recordId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long quarantineId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer sameFailuresAs,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<QuarantineApi.Failure> failures) {
    }

    @PostMapping(path = "/api/v1/ingest/{department}/{feed}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PushAnswer push(@PathVariable("department") String department, @PathVariable("feed") String feed,
            HttpServletRequest request) {
        // the client's key (or the department's push key of hub.push.keys), checked by ApiKeyAuthenticationFilter
        Client client = Callers.current();
        String keyDepartment = enforcer.unitOf(client).orElse(client.id());
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
            return push(request, client, department, feed, bounds);
        } catch (PushRefusedException e) {
            throw new ApiException(e.status(), null, e.getMessage()).retryAfter(e.retryAfterSeconds());
        }
    }

    private PushAnswer push(HttpServletRequest request, Client client, String department, String feed,
            PushProperties.Limits bounds) {
        // the push commits before this deadline or not at all; the answer says which
        WorkDeadline deadline = WorkDeadline.after(clock, bounds.timeout());
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        FileFormat format = format(request.getContentType());
        Instant now = clock.instant();
        List<SourceRow> rows = new ArrayList<>();
        InputStream body;
        try {
            body = request.getInputStream();
        } catch (IOException e) {
            throw ApiException.badParameter("body", "the request body could not be read");
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

    private static PushAnswer json(IngestResult result) {
        List<PushRow> rows = new ArrayList<>(result.rows().size());
        java.util.Map<Long, RowOutcome> listed = new java.util.HashMap<>();
        for (RowOutcome r : result.rows()) {
            Integer sameAs = null;
            List<QuarantineApi.Failure> failures = null;
            if (r.quarantineId() != null) {
                RowOutcome first = listed.putIfAbsent(r.quarantineId(), r);
                if (first != null && first.violations().equals(r.violations())) {
                    sameAs = first.index();
                } else {
                    failures = QuarantineApi.failureList(r.violations());
                }
            }
            rows.add(new PushRow(r.index(), r.sourceKey(), r.status().name(), r.recordId(),
                    r.recordId() == null ? null : r.version(), r.reason(), r.quarantineId(), sameAs, failures));
        }
        return new PushAnswer(result.department(), result.feed(), result.rows().size(),
                result.count(RowOutcome.Status.STORED), result.count(RowOutcome.Status.NEW_VERSION),
                result.count(RowOutcome.Status.UNCHANGED), result.count(RowOutcome.Status.SUPERSEDED),
                result.count(RowOutcome.Status.QUARANTINED), rows);
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
