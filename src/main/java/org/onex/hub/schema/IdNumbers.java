package org.onex.hub.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks and masks resident identity card numbers (公民身份号码, GB 11643-1999) of natural persons. Legacy
 * 15-digit numbers (YYMMDD birth date in the 1900s, no check character) are accepted with a warning.
 */
public final class IdNumbers {

    /** W_i = 2^(17−i) mod 11 for positions 1..17. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private static final String CHECK_CHARS = "10X98765432";

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private IdNumbers() {
    }

    /** Checks an ID number against today's date in the hub zone; an empty list means valid. */
    public static List<Violation> check(String field, String id) {
        return check(field, id, LocalDate.now(HubDates.ZONE));
    }

    /**
     * Checks an ID number: {@link Rules#ID_NUMBER_FORMAT}, {@link Rules#ID_NUMBER_BIRTH_DATE} (real date, not
     * before 1900, not after {@code today}), {@link Rules#ID_NUMBER_CHECK}, and the WARNING
     * {@link Rules#ID_NUMBER_LEGACY_15}. Lower-case x is read as X.
     */
    public static List<Violation> check(String field, String id, LocalDate today) {
        String s = normalize(id);
        List<Violation> out = new ArrayList<>();
        String formatProblem = formatProblem(s);
        if (formatProblem != null) {
            out.add(Violation.error(field, Rules.ID_NUMBER_FORMAT, formatProblem));
            return out;
        }
        String birth = birthDigits(s);
        try {
            LocalDate date = parseBirth(birth);
            if (date.isBefore(EARLIEST_BIRTH)) {
                out.add(Violation.error(field, Rules.ID_NUMBER_BIRTH_DATE, "birth date " + date + " is before 1900"));
            } else if (date.isAfter(today)) {
                out.add(Violation.error(field, Rules.ID_NUMBER_BIRTH_DATE, "birth date " + date + " is in the future"));
            }
        } catch (DateTimeException e) {
            out.add(Violation.error(field, Rules.ID_NUMBER_BIRTH_DATE,
                    "birth date " + birth + " is not a real date"));
        }
        if (s.length() == 15) {
            out.add(Violation.warning(field, Rules.ID_NUMBER_LEGACY_15,
                    "legacy 15-digit number without check character"));
        } else {
            char expected = checkCharacter(s.substring(0, 17));
            if (expected != s.charAt(17)) {
                out.add(Violation.error(field, Rules.ID_NUMBER_CHECK,
                        "check character should be '" + expected + "' but is '" + s.charAt(17) + "'"));
            }
        }
        return out;
    }

    /** True when {@link #check(String, String)} finds no error (a legacy 15-digit number is valid). */
    public static boolean isValid(String id) {
        return check("idNumber", id).stream().noneMatch(Violation::isError);
    }

    /** The check character of the first 17 digits: "10X98765432"[Σ W_i·d_i mod 11]. */
    public static char checkCharacter(String first17) {
        String s = normalize(first17);
        if (s.length() != 17 || !allDigits(s)) {
            throw new IllegalArgumentException("expected 17 digits, got '" + first17 + "'");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += WEIGHTS[i] * (s.charAt(i) - '0');
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /**
     * The birth date of an 18- or 15-digit number (15-digit: 19YY).
     *
     * @throws IllegalArgumentException if the number has the wrong format or no real birth date
     */
    public static LocalDate birthDate(String id) {
        String s = normalize(id);
        String problem = formatProblem(s);
        if (problem != null) {
            throw new IllegalArgumentException("ID number '" + id + "': " + problem);
        }
        try {
            return parseBirth(birthDigits(s));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "ID number '" + id + "': birth date " + birthDigits(s) + " is not a real date", e);
        }
    }

    /**
     * Masks for display, keeping the first 6 and last 4 characters ({@code 330723********1234}); a value of
     * 10 characters or fewer is masked entirely; null stays null.
     */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        String s = normalize(id);
        if (s.length() <= 10) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }

    private static String formatProblem(String s) {
        if (s.length() == 18) {
            for (int i = 0; i < 17; i++) {
                if (!isDigit(s.charAt(i))) {
                    return "character '" + s.charAt(i) + "' at position " + (i + 1) + " is not a digit";
                }
            }
            char last = s.charAt(17);
            return isDigit(last) || last == 'X' ? null : "character '" + last + "' at position 18 is not a digit or X";
        }
        if (s.length() == 15) {
            for (int i = 0; i < 15; i++) {
                if (!isDigit(s.charAt(i))) {
                    return "character '" + s.charAt(i) + "' at position " + (i + 1) + " is not a digit";
                }
            }
            return null;
        }
        return "expected 18 characters (or a legacy 15-digit number), got " + s.length();
    }

    /** YYYYMMDD; a 15-digit number's YYMMDD gets the century 19. */
    private static String birthDigits(String s) {
        return s.length() == 18 ? s.substring(6, 14) : "19" + s.substring(6, 12);
    }

    private static LocalDate parseBirth(String yyyymmdd) {
        return LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                Integer.parseInt(yyyymmdd.substring(6, 8)));
    }

    private static boolean allDigits(String s) {
        return s.chars().allMatch(c -> isDigit((char) c));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String normalize(String id) {
        return id == null ? "" : id.strip().toUpperCase(Locale.ROOT);
    }
}
