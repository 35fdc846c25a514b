package org.onex.hub.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads money amounts from source columns into {@link Money} with an explicit unit. 双公示 penalty amounts
 * (CF_NR_FK, CF_NR_WFFF) are in 万元, and a 元 amount in such a column is a frequent error: a unit written in
 * the text must agree with the unit the mapping declares.
 */
public final class Monies {

    /** Optional ¥, a plain or comma-grouped decimal number, optional unit suffix. */
    private static final Pattern TEXT = Pattern.compile(
            "[¥￥]?\\s*([-+]?)\\s*(\\d+(?:\\.\\d+)?|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\.\\d+)\\s*(万元|万|元)?");

    private Monies() {
    }

    /**
     * Parses an amount declared to be in {@code unit}. Accepts numbers ({@link BigDecimal}, integers, finite
     * doubles) and text such as {@code "1.5"}, {@code "1,200.00"}, {@code "1.5万元"}, {@code "¥300元"}. The
     * amount is normalized (trailing zeros stripped) so the same value always serializes, and hashes, the same
     * way. Null or blank input gives null: a penalty without a fine has no amount.
     *
     * @throws IllegalArgumentException quoting the input when it is not a number, is negative, or names a unit
     *         that conflicts with {@code unit}
     */
    public static Money parse(Object raw, Money.MoneyUnit unit) {
        if (unit == null) {
            throw new IllegalArgumentException("no unit declared for amount '" + raw + "'");
        }
        if (raw == null || raw instanceof CharSequence s && s.toString().isBlank()) {
            return null;
        }
        BigDecimal amount = raw instanceof CharSequence s ? fromText(s.toString().strip(), unit) : fromNumber(raw);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount '" + raw + "' is negative");
        }
        return new Money(normalize(amount), unit);
    }

    /** Removes trailing zeros without switching to exponent notation: 1200.00 → 1200, 1.50 → 1.5. */
    public static BigDecimal normalize(BigDecimal amount) {
        BigDecimal s = amount.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static BigDecimal fromNumber(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("amount '" + raw + "' is not a finite number");
            }
            return new BigDecimal(raw.toString()); // the shortest decimal, not the binary expansion
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        throw new IllegalArgumentException("amount '" + raw + "' of type " + raw.getClass().getName()
                + " is not a number");
    }

    private static BigDecimal fromText(String text, Money.MoneyUnit declared) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("amount '" + text + "' is not a number (expected e.g. 1.5, 1,200.00"
                    + " or 1.5" + declared.zh() + ")");
        }
        String suffix = m.group(3);
        if (suffix != null) {
            Money.MoneyUnit written = suffix.startsWith("万") ? Money.MoneyUnit.WAN_YUAN : Money.MoneyUnit.YUAN;
            if (written != declared) {
                throw new IllegalArgumentException("unit '" + suffix + "' in amount '" + text
                        + "' conflicts with the declared unit " + declared.zh() + " (" + declared + ")");
            }
        }
        BigDecimal amount = new BigDecimal(m.group(2).replace(",", ""));
        return "-".equals(m.group(1)) ? amount.negate() : amount;
    }
}
