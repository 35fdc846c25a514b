package org.onex.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The console's sign-in, throttled like a bank's: after {@code hub.console.login.account-failures}
 * failed sign-ins of one account name, or {@code address-failures} from one address, within {@code period}, every
 * sign-in of that name or from that address is refused — the right password too — until the period has passed.
 * The broker's {@link LoginThrottle} counts, once per account name and once per address.
 *
 * <ul>
 * <li>Names are counted whether an account of that name exists or not, and a refused sign-in is answered the same
 * way for both ({@link Throttled}, "too many failed sign-ins"), before any password is checked: the answer and its
 * timing say nothing about which accounts exist.</li>
 * <li>Audit as on the broker: each failed sign-in is a {@code LOGIN_FAILED} entry ({@link LoginAudit}); the
 * failure that starts a block is one {@code LOGIN_THROTTLED} entry; sign-ins refused while it lasts are not
 * audited one by one, so guessing cannot flood the audit log.</li>
 * <li>A sign-in with the right password forgets the account name's failures (not the address's: one valid
 * account must not reset an address that is guessing others).</li>
 * </ul>
 */
final class ConsoleLoginThrottle implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleLoginThrottle.class);
    /** Audit target of console sign-ins (as {@link LoginAudit} writes them). */
    static final String TARGET = "console";

    private final AuthenticationProvider passwords;
    private final LoginThrottle accounts;
    private final LoginThrottle addresses;
    private final ConsoleProperties.Login limit;
    private final AuditLog audit;

    ConsoleLoginThrottle(AuthenticationProvider passwords, ConsoleProperties.Login limit, Clock clock, AuditLog audit) {
        this.passwords = passwords;
        this.limit = limit;
        this.audit = audit;
        this.accounts = new LoginThrottle(limit.accountFailures(), limit.period(), clock,
                "hub.console.login (account-failures, period)");
        this.addresses = new LoginThrottle(limit.addressFailures(), limit.period(), clock,
                "hub.console.login (address-failures, period)");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = account(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
        if (accounts.blocked(account) || addresses.blocked(address)) {
            LOG.debug("console sign-in from {} refused: too many failed sign-ins", address);
            throw new Throttled();
        }
        try {
            Authentication ok = passwords.authenticate(authentication);
            accounts.forget(account);
            return ok;
        } catch (BadCredentialsException e) {
            boolean accountBlocked = accounts.failed(account);
            boolean addressBlocked = addresses.failed(address);
            if (accountBlocked || addressBlocked) {
                blocked(authentication.getName(), address, accountBlocked ? "account" : "address",
                        accountBlocked ? limit.accountFailures() : limit.addressFailures());
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void blocked(String name, String address, String scope, int failures) {
        LOG.warn("console sign-ins refused for up to {} ({} failed sign-ins of one {}, from {})", limit.period(),
                failures, scope, address);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("scope", scope);
        detail.put("remoteAddress", address);
        detail.put("failures", failures);
        detail.put("period", limit.period().toString());
        try {
            audit.record("console:" + name, null, AuditAction.LOGIN_THROTTLED, TARGET, detail);
        } catch (RuntimeException e) {
            LOG.error("cannot audit LOGIN_THROTTLED on the console: {}", e.toString());
        }
    }

    /**
     * The throttle's key of an account name: as the accounts are matched (case ignored), and hashed when long,
     * so that names an attacker makes up cost a bounded amount of memory each.
     */
    static String account(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.length() <= 64) {
            return "account:" + n;
        }
        try {
            return "account#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(n.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sign-in refused by the throttle: the same for every account name, existing or not. */
    static final class Throttled extends AuthenticationException {

        private static final long serialVersionUID = 1L;

        Throttled() {
            super("too many failed sign-ins; try again later");
        }
    }
}
