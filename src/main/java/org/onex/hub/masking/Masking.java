package org.onex.hub.masking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onex.hub.schema.IdNumbers;

/**
 * Masking of personal data (脱敏), as pure functions: what every egress channel, the logs and the quarantine
 * views show instead of a natural person's ID number, phone number or name (personal
 * data of R-CATEGORIES records). Null stays null; text that is not personal data stays as it is.
 *
 * <ul>
 * <li>{@link #idNumber}: 公民身份号码, keep the first 6 (region) and last 4 characters: {@code 330723********1234};</li>
 * <li>{@link #phone}: 手机号码, keep the first 3 and last 4 digits: {@code 138****5678};</li>
 * <li>{@link #personName}: 姓名, keep the first character only: {@code 张*}, {@code 欧***} for 欧阳娜娜 (a compound
 * surname is not recognised: keeping less is the safe side);</li>
 * <li>{@link #maskText}: finds ID numbers and mobile numbers inside free text (log lines, error reasons,
 * quarantine payloads) and masks them in place. See docs/security.md "Masking" for what it does not find.</li>
 * </ul>
 */
public final class Masking {

    /** Letters and digits around a match mean it is part of a longer code (a credit code, a licence number). */
    private static final String BEFORE = "(?<![0-9A-Za-z])";
    private static final String AFTER = "(?![0-9A-Za-z])";

    /**
     * Groups: 1-3 an 18-character ID (6 region, 8 birth date, 3 sequence + check); 4-6 a legacy 15-digit ID
     * (6 region, 6 birth date YYMMDD + 3 sequence split 5/4); 7-9 a mobile number 1[3-9]x xxxx xxxx, optionally
     * after +86 and with dashes or spaces.
     */
    private static final Pattern IN_TEXT = Pattern.compile(BEFORE + "(?:"
            + "(\\d{6})(\\d{8})(\\d{3}[0-9Xx])"
            + "|(\\d{6})(\\d{5})(\\d{4})"
            + "|(?:(?:\\+|00)?86[- ]?)?(1[3-9]\\d)[- ]?(\\d{4})[- ]?(\\d{4})"
            + ")" + AFTER);

    private static final Pattern MOBILE = Pattern.compile(BEFORE + "(1[3-9]\\d)[- ]?(\\d{4})[- ]?(\\d{4})" + AFTER);

    /**
     * An 18-character ID number glued to letters (a document number {@code JTYS330723198506120313}): not found by
     * {@link #IN_TEXT}, whose letter boundary keeps credit and licence codes readable, so it counts only with a
     * valid GB 11643 check character.
     */
    private static final Pattern GLUED_ID = Pattern.compile("(?<![0-9])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9])");

    private Masking() {
    }

    /**
     * An ID number field: first 6 and last 4 characters kept, the rest starred, whatever its shape (a field
     * declared as an ID number is masked even when the value is malformed); 10 characters or fewer are starred
     * entirely.
     */
    public static String idNumber(String value) {
        return value == null ? null : IdNumbers.mask(value);
    }

    /**
     * A phone number field: a mobile number anywhere in it becomes {@code 138****5678}; any other value keeps
     * its first 3 and last 4 digits and stars the digits between (landline {@code 0579-87654321} →
     * {@code 057*-****4321}); fewer than 8 digits are starred entirely.
     */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = MOBILE.matcher(value);
        if (m.find()) {
            // star the middle four digits, keeping a prefix and separators as written
            return m.replaceAll(r -> Matcher.quoteReplacement(
                    value.substring(r.start(), r.start(2)) + "****" + value.substring(r.end(2), r.end())));
        }
        int digits = (int) value.chars().filter(Character::isDigit).count();
        int keepHead = digits >= 8 ? 3 : 0;
        int keepTail = digits >= 8 ? 4 : 0;
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (char c : value.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen <= keepHead || seen > digits - keepTail ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A natural person's name: the first character (code point) kept, each following one starred
     * ({@code 张三} → {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}); a one-character name becomes {@code *}.
     * Surrounding blanks are dropped, so the length of the mask is the length of the name.
     */
    public static String personName(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip();
        int count = name.codePointCount(0, name.length());
        if (count <= 1) {
            return "*".repeat(count);
        }
        int firstEnd = name.offsetByCodePoints(0, 1);
        return name.substring(0, firstEnd) + "*".repeat(count - 1);
    }

    /**
     * Masks every ID number and mobile number found inside {@code text}, leaving everything else as it is.
     * An 18- or 15-digit number counts as an ID number only when its birth-date part is a plausible date, so
     * that digit-only codes (an authority's credit code, a long sequence number) stay readable.
     */
    public static String maskText(String text) {
        if (text == null || !hasDigitRun(text, 11)) {
            return text; // fast path: most log lines have no run of 11 digits
        }
        return maskGluedIds(maskShapes(text));
    }

    private static String maskShapes(String text) {
        Matcher m = IN_TEXT.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String masked = maskMatch(m);
            if (masked == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start()).append(masked);
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** Valid 18-character ID numbers that touch a letter (what {@link #IN_TEXT} leaves alone). */
    private static String maskGluedIds(String text) {
        Matcher m = GLUED_ID.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            if (IdNumbers.isValid(m.group())) {
                out.append(text, last, m.start()).append(m.group(1)).append("********")
                        .append(m.group(2).substring(m.group(2).length() - 4));
                last = m.end();
            }
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    /** The masked form of one match, or null if it is not personal data after all. */
    private static String maskMatch(Matcher m) {
        if (m.group(1) != null) {
            return plausibleDate(m.group(2).substring(0, 4), m.group(2).substring(4, 6), m.group(2).substring(6, 8))
                    ? m.group(1) + "********" + m.group(3).substring(m.group(3).length() - 4)
                    : null;
        }
        if (m.group(4) != null) {
            return plausibleDate(null, m.group(5).substring(2, 4), m.group(5).substring(4, 5) + m.group(6).charAt(0))
                    ? m.group(4) + "*****" + m.group(6)
                    : null;
        }
        // keep a +86 prefix and separators as written, star the middle four digits
        String whole = m.group();
        int middle = m.start(8) - m.start();
        return whole.substring(0, middle) + "****" + whole.substring(middle + 4);
    }

    /** Year 18xx-20xx (when given), month 01-12, day 01-31. */
    private static boolean plausibleDate(String year, String month, String day) {
        if (year != null && !(year.startsWith("18") || year.startsWith("19") || year.startsWith("20"))) {
            return false;
        }
        int mm = Integer.parseInt(month);
        int dd = Integer.parseInt(day);
        return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
    }

    private static boolean hasDigitRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= length) {
                    return true;
                }
            } else if (c != '-' && c != ' ') {
                run = 0;
            }
        }
        return false;
    }
}
