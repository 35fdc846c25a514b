package org.onex.hub.api;

import java.util.List;
import java.util.Set;

import org.onex.hub.audit.AuditEntry;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.audit.AuditVerifier;
import org.onex.hub.audit.AuditVerification;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/audit} (entries in chain order) and {@code GET /api/v1/audit/verify}: walks the
 * hash chain and names the first altered, missing or unchained entry. Admins only.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditApi {

    private final AuditLog audit;
    private final AuditVerifier verifier;

    public AuditApi(AuditLog audit, AuditVerifier verifier) {
        this.audit = audit;
        this.verifier = verifier;
    }

    @GetMapping
    public Page<AuditEntry> entries(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, Set.of("cursor", "limit"));
        long after = Math.max(0, Cursors.decode("audit", q.text("cursor"), "cursor"));
        int limit = q.limit(100, 1000);
        List<AuditEntry> entries = audit.page(after, limit);
        // the audit is read in chain order to its end: the cursor is always given, for polling
        return new Page<>(entries, entries.size(), Cursors.encode("audit", entries.isEmpty() ? after
                : entries.get(entries.size() - 1).seq()));
    }

    @GetMapping("/verify")
    public AuditVerification verify(HttpServletRequest request) {
        QueryParams.of(request, Set.of());
        return verifier.verify();
    }
}
