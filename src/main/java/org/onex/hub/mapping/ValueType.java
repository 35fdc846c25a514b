package org.onex.hub.mapping;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;

import org.onex.hub.schema.CertificateType;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.LongTermDates;
import org.onex.hub.schema.Money;
import org.onex.hub.schema.Monies;
import org.onex.hub.schema.RecordStatus;
import org.onex.hub.schema.RecordType;
import org.onex.hub.schema.SubjectKind;

/** Type conversions a mapping field may ask for ({@code type:} in the mapping file). */
enum ValueType {
    STRING, DATE, DATETIME, DECIMAL, INTEGER, BOOLEAN, MONEY_YUAN, MONEY_WAN_YUAN, SUBJECT_KIND, STATUS, RECORD_TYPE,
    /** A resident ID number (GB 11643), checked when mapped ({@link FieldRule}); upper-cased, blanks removed. */
    ID_NUMBER,
    /** A {@link CertificateType}, by enum name or Chinese name (身份证, 护照 …); codes translate national values. */
    CERTIFICATE_TYPE;

    /** Names accepted in mapping files for {@code type:}. */
    static ValueType parse(String name) {
        return switch (name) {
        case "string" -> STRING;
        case "date" -> DATE;
        case "datetime" -> DATETIME;
        case "decimal" -> DECIMAL;
        case "integer" -> INTEGER;
        case "boolean" -> BOOLEAN;
        case "money-yuan" -> MONEY_YUAN;
        case "money-wan-yuan" -> MONEY_WAN_YUAN;
        case "idNumber" -> ID_NUMBER;
        default -> throw new IllegalArgumentException("unknown type '" + name
                + "' (one of string, date, datetime, decimal, integer, boolean, money-yuan, money-wan-yuan, idNumber)");
        };
    }

    /** Converts a non-null source value; throws IllegalArgumentException with a readable reason. */
    Object convert(Object raw, ZoneId zone) {
        return convert(raw, zone, LongTermDates.DEFAULT);
    }

    /** As {@link #convert(Object, ZoneId)}; a date that is one of the {@code longTerm} words is 2099-12-31. */
    Object convert(Object raw, ZoneId zone, LongTermDates longTerm) {
        return switch (this) {
        case STRING -> raw instanceof String s ? s : String.valueOf(raw);
        case DATE -> HubDates.toDate(raw, longTerm);
        case DATETIME -> HubDates.toInstant(raw, zone);
        case DECIMAL -> raw instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(raw).trim().replace(",", ""));
        case INTEGER -> raw instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(raw).trim());
        case BOOLEAN -> bool(raw);
        case MONEY_YUAN -> Monies.parse(raw, Money.MoneyUnit.YUAN);
        case MONEY_WAN_YUAN -> Monies.parse(raw, Money.MoneyUnit.WAN_YUAN);
        case SUBJECT_KIND -> SubjectKind.valueOf(enumName(raw));
        case STATUS -> RecordStatus.valueOf(enumName(raw));
        case RECORD_TYPE -> RecordType.valueOf(enumName(raw));
        case ID_NUMBER -> String.valueOf(raw).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        case CERTIFICATE_TYPE -> CertificateType.of(String.valueOf(raw)).orElseThrow(() -> new IllegalArgumentException(
                "'" + raw + "' is not a certificate type (one of " + java.util.Arrays.toString(CertificateType.values())
                        + " or their Chinese names; translate national codes with codes: certificate-types)"));
        };
    }

    private static String enumName(Object raw) {
        return String.valueOf(raw).trim().toUpperCase(Locale.ROOT);
    }

    private static Boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        return switch (s) {
        case "true", "1", "y", "yes", "是" -> true;
        case "false", "0", "n", "no", "否" -> false;
        default -> throw new IllegalArgumentException("'" + raw + "' is not a boolean (true/false, 1/0, 是/否)");
        };
    }
}
