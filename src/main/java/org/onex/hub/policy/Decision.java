package org.onex.hub.policy;

import java.util.Objects;

/**
 * The answer of the sharing policy to "may this happen?".
 *
 * @param allowed whether it may
 * @param reason  short reason for a denial, fit for a quarantine row and an alert, e.g.
 *                {@code not entitled to provide C6}; empty when allowed
 * @param detail  which rule denied it and where that rule is written (file and line), for the operator; empty
 *                when allowed
 */
public record Decision(boolean allowed, String reason, String detail) {

    private static final Decision ALLOWED = new Decision(true, "", "");

    public Decision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public static Decision allow() {
        return ALLOWED;
    }

    public static Decision deny(String reason, String detail) {
        return new Decision(false, reason, detail);
    }

    public boolean denied() {
        return !allowed;
    }
}
