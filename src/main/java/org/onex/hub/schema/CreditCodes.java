package org.onex.hub.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks unified social credit codes (统一社会信用代码, GB 32100-2015) of legal persons, other organisations
 * and individual businesses, including the GB 11714 organisation code embedded in characters 9–17.
 */
public final class CreditCodes {

    /** The 31 characters a credit code may use: digits and capitals without I, O, S, V, Z. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static final int LENGTH = 18;

    /** W_i = 3^i mod 31 for positions 1..17. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** GB 11714 weights for the eight body characters of the organisation code. */
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {
    }

    /**
     * Checks a credit code after trimming and upper-casing it. Returns ERROR violations
     * ({@link Rules#CREDIT_CODE_FORMAT}, {@link Rules#CREDIT_CODE_CHECK}) and a WARNING
     * {@link Rules#ORG_CODE_CHECK}, which some registries' codes fail; an empty list means valid.
     */
    public static List<Violation> check(String field, String code) {
        String c = normalize(code);
        List<Violation> out = new ArrayList<>();
        if (c.length() != LENGTH) {
            out.add(Violation.error(field, Rules.CREDIT_CODE_FORMAT,
                    "expected " + LENGTH + " characters, got " + c.length()));
            return out;
        }
        for (int i = 0; i < LENGTH; i++) {
            char ch = c.charAt(i);
            if (ALPHABET.indexOf(ch) < 0) {
                out.add(Violation.error(field, Rules.CREDIT_CODE_FORMAT,
                        "character '" + ch + "' at position " + (i + 1) + " is not allowed"));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        char expected = checkCharacter(c.substring(0, LENGTH - 1));
        if (expected != c.charAt(LENGTH - 1)) {
            out.add(Violation.error(field, Rules.CREDIT_CODE_CHECK,
                    "check character should be '" + expected + "' but is '" + c.charAt(LENGTH - 1) + "'"));
        }
        char orgExpected = orgCheckCharacter(c.substring(8, 16));
        if (orgExpected != c.charAt(16)) {
            out.add(Violation.warning(field, Rules.ORG_CODE_CHECK, "organisation code " + c.substring(8, 17)
                    + ": check character should be '" + orgExpected + "' but is '" + c.charAt(16) + "'"));
        }
        return out;
    }

    /** True when {@link #check} finds no error (a failing organisation-code check is only a warning). */
    public static boolean isValid(String code) {
        return check("creditCode", code).stream().noneMatch(Violation::isError);
    }

    /**
     * The GB 32100 check character of the first 17 characters: alphabet[(31 − Σ W_i·v_i mod 31) mod 31].
     *
     * @throws IllegalArgumentException if the input is not 17 characters of {@link #ALPHABET}
     */
    public static char checkCharacter(String first17) {
        String s = normalize(first17);
        if (s.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 characters, got " + s.length() + " in '" + first17 + "'");
        }
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character '" + s.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed in '" + first17 + "'");
            }
            sum += WEIGHTS[i] * v;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * The GB 11714 check character of an organisation code body (8 characters; digits 0–9, letters A=10 … Z=35):
     * 11 − (Σ mod 11), where 10 is written 'X' and 11 is written '0'.
     */
    public static char orgCheckCharacter(String body8) {
        String s = normalize(body8);
        if (s.length() != ORG_WEIGHTS.length) {
            throw new IllegalArgumentException("expected 8 characters, got " + s.length() + " in '" + body8 + "'");
        }
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int v = Character.isDigit(ch) && ch < 128 ? ch - '0' : ch >= 'A' && ch <= 'Z' ? ch - 'A' + 10 : -1;
            if (v < 0) {
                throw new IllegalArgumentException(
                        "character '" + ch + "' at position " + (i + 1) + " is not allowed in '" + body8 + "'");
            }
            sum += ORG_WEIGHTS[i] * v;
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** Trim and upper-case; null becomes the empty string. */
    public static String normalize(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
