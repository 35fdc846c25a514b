package org.onex.hub.audit;

/**
 * The actions the audit log records, as the strings stored in {@code hub_audit.action}.
 * Callers may record other actions (upper case, digits and underscores, at most 48 characters); these are
 * the ones the hub itself uses, named in one place so that queries over the log can rely on them.
 */
public final class AuditAction {

    /** A feed page read: query, count and digest of the record ids returned ({@link AuditLog#recordRead}). */
    public static final String FEED_READ = "FEED_READ";
    /** One record (or its versions) looked up. */
    public static final String RECORD_READ = "RECORD_READ";
    /** A department pushed rows (R-CHANNEL). */
    public static final String PUSH = "PUSH";
    public static final String EXPORT = "EXPORT";
    public static final String QUARANTINE_READ = "QUARANTINE_READ";
    /** Operator actions (console, replay). */
    public static final String DELIVERY_REPLAY = "DELIVERY_REPLAY";
    public static final String DELIVERY_DISCARD = "DELIVERY_DISCARD";
    public static final String QUARANTINE_REPLAY = "QUARANTINE_REPLAY";
    public static final String QUARANTINE_DISCARD = "QUARANTINE_DISCARD";
    public static final String ALERT_ACK = "ALERT_ACK";
    public static final String ROUTE_SUSPEND = "ROUTE_SUSPEND";
    public static final String ROUTE_RESUME = "ROUTE_RESUME";
    /** The sharing policy refused a read, a push or a subscription. */
    public static final String POLICY_DENIED = "POLICY_DENIED";
    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    /** Broker logins from a host refused for a period after too many failures (once per host and period). */
    public static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";
    /** Admin actions on API clients and their keys ({@link ApiClients}). */
    public static final String CLIENT_ADDED = "CLIENT_ADDED";
    public static final String CLIENT_ENABLED = "CLIENT_ENABLED";
    public static final String CLIENT_DISABLED = "CLIENT_DISABLED";
    public static final String KEY_ISSUED = "KEY_ISSUED";
    public static final String KEY_ROTATED = "KEY_ROTATED";
    public static final String KEY_REVOKED = "KEY_REVOKED";
    public static final String CERTIFICATE_MAPPED = "CERTIFICATE_MAPPED";
    /** The retention purge removed old entries; its detail repeats the new anchor ({@link AuditRetention}). */
    public static final String AUDIT_PURGED = "AUDIT_PURGED";

    private AuditAction() {
    }
}
