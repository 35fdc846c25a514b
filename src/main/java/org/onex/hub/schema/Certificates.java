package org.onex.hub.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a natural person's certificate number by its {@link CertificateType}: a resident ID number (also when
 * no type is given: the national field sets default to it) by GB 11643 ({@link IdNumbers}), the other types by
 * the format of their documents. Every failure is an ERROR naming the field, so the row is quarantined with it.
 */
public final class Certificates {

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    private static final Pattern HK_MACAO = Pattern.compile("[HM]\\d{8}(\\d{2})?");
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}(\\d{2})?");
    private static final Pattern FOREIGN_OLD = Pattern.compile("[A-Z]{3}\\d{12}");

    private Certificates() {
    }

    /** Violations of {@code number} as a certificate of {@code type} (null: a resident ID); empty means valid. */
    public static List<Violation> check(String field, CertificateType type, String number) {
        String s = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        CertificateType t = type == null ? CertificateType.RESIDENT_ID : type;
        return switch (t) {
        case RESIDENT_ID -> IdNumbers.check(field, s);
        case HMT_RESIDENCE_PERMIT -> s.length() == 18 && !(s.startsWith("81") || s.startsWith("82")
                || s.startsWith("83")) ? format(field, t, "region must be 81, 82 or 83, got " + s.substring(0, 2))
                        : IdNumbers.check(field, s);
        case FOREIGN_PERMANENT_RESIDENT -> s.length() == 18 && s.startsWith("9") ? IdNumbers.check(field, s)
                : matches(field, t, s, FOREIGN_OLD, "18 characters starting with 9, or 3 letters and 12 digits");
        case PASSPORT -> matches(field, t, s, PASSPORT, "5 to 17 letters and digits");
        case HK_MACAO_PERMIT -> matches(field, t, s, HK_MACAO, "H or M and 8 or 10 digits");
        case TAIWAN_PERMIT -> matches(field, t, s, TAIWAN, "8 or 10 digits");
        case OTHER -> s.isEmpty() ? format(field, t, "the number is empty") : List.of();
        };
    }

    private static List<Violation> matches(String field, CertificateType t, String s, Pattern p, String expected) {
        return p.matcher(s).matches() ? List.of() : format(field, t, "expected " + expected + ", got '" + s + "'");
    }

    private static List<Violation> format(String field, CertificateType t, String problem) {
        List<Violation> out = new ArrayList<>();
        out.add(Violation.error(field, Rules.CERTIFICATE_FORMAT, t.zh() + " (" + t + "): " + problem));
        return out;
    }
}
