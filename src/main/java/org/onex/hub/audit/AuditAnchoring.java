package org.onex.hub.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.onex.hub.audit.AuditVerifier.ChainHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Anchors the audit chain outside the store: every {@code hub.audit.anchor.period} (route
 * {@code audit-anchor}) and when the hub shuts down, the head (newest entry's seq and hash), signed, is appended to
 * the anchor file and logged as one INFO line {@code audit anchor: onex-audit-anchor-v1 …}. Only when the head moved
 * since the file's last anchor, so an idle hub adds nothing. {@link AuditVerifier} then reports an entry removed,
 * or rewritten, up to the newest anchor; what was written after it can still go undetected.
 */
@Component
public class AuditAnchoring {

    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchoring.class);

    private final AuditAnchors anchors;
    private final AuditVerifier verifier;
    private final Clock clock;

    public AuditAnchoring(AuditAnchors anchors, AuditVerifier verifier, Clock clock) {
        this.anchors = anchors;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** Anchors the head if it moved since the last anchor; returns the anchor written, if any. */
    public Optional<AuditAnchor> anchor() {
        ChainHead head = verifier.head();
        if (head.lastSeq() == 0) {
            return Optional.empty();
        }
        Optional<AuditAnchor> last = anchors.last();
        if (last.isPresent() && last.get().seq() == head.lastSeq() && last.get().hash().equals(head.lastHash())) {
            return Optional.empty();
        }
        AuditAnchor anchor = anchors.append(clock.instant().truncatedTo(ChronoUnit.MILLIS), head.lastSeq(),
                head.lastHash());
        LOG.info("audit anchor: {}", anchor.line());
        return Optional.of(anchor);
    }

    /** The last anchor, at shutdown (before the store closes: this bean depends on it). */
    @PreDestroy
    void anchorAtShutdown() {
        try {
            anchor();
        } catch (RuntimeException e) {
            LOG.warn("cannot anchor the audit chain at shutdown: {}", e.toString());
        }
    }
}
