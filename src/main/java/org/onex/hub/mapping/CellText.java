package org.onex.hub.mapping;

import java.util.regex.Pattern;

/**
 * Checks on a source text value before it is mapped, for every channel (files, pushes, databases): the
 * hub's data ends up in spreadsheets (console and scorecard CSV, departments' own exports), so a value
 * that a spreadsheet would run as a formula is never stored, and neither is a value no spreadsheet cell
 * could hold. The decision is in docs/design-decisions.md.
 */
public final class CellText {

    /** Excel's and WPS's limit on the characters of one cell. */
    public static final int MAX_CHARS = 32_767;

    /** What may follow a leading + or -: a number or a phone number (+86 138 0000 0000, -1.5, +86-571-8888). */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9.,\\s()\\-+]*");

    private CellText() {
    }

    /**
     * True when a spreadsheet would read the (trimmed) value as a formula: it starts with '=' or '@', or with
     * '+' or '-' followed by anything but digits, spaces, dots, commas, brackets and further signs. A lone "-"
     * (an empty placeholder), negative numbers and international phone numbers are text.
     */
    public static boolean isFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '@') {
            return true;
        }
        if (first == '+' || first == '-') {
            String rest = value.substring(1);
            return !NUMBER_LIKE.matcher(rest).matches() || rest.indexOf('+') >= 0 && hasDigitBefore(rest, '+');
        }
        return false;
    }

    /** "-2+3" is arithmetic a spreadsheet evaluates; "+86 (571) 8888-8888" is not. */
    private static boolean hasDigitBefore(String text, char sign) {
        int i = text.indexOf(sign);
        return i > 0 && Character.isDigit(text.charAt(i - 1));
    }

    /** The value cut to a length that is safe to quote in a message. */
    static String quote(String value) {
        String cut = value.length() <= 24 ? value : value.substring(0, 24) + "…";
        return "'" + cut.replace("\n", " ") + "'";
    }
}
