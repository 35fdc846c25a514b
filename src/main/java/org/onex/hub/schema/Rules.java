package org.onex.hub.schema;

/**
 * The stable rule codes carried by {@link Violation#rule()}. Operators filter the quarantine by them and
 * alerts count them, so a code is never renamed; a new check gets a new code.
 */
public final class Rules {

    /** A field the envelope needs for this category or subject kind is missing or blank. */
    public static final String REQUIRED = "REQUIRED";

    /** {@code category} is not the category its {@code recordType} belongs to (R-CATEGORIES). */
    public static final String CATEGORY_MISMATCH = "CATEGORY_MISMATCH";

    /** A unified social credit code (GB 32100-2015) has the wrong length or a character outside its alphabet. */
    public static final String CREDIT_CODE_FORMAT = "CREDIT_CODE_FORMAT";

    /** The 18th character of a unified social credit code is not the check character of the first 17. */
    public static final String CREDIT_CODE_CHECK = "CREDIT_CODE_CHECK";

    /** Warning: the organisation code inside a credit code (characters 9–17, GB 11714) fails its own check. */
    public static final String ORG_CODE_CHECK = "ORG_CODE_CHECK";

    /** A resident ID number (GB 11643-1999) has the wrong length or non-digit characters. */
    public static final String ID_NUMBER_FORMAT = "ID_NUMBER_FORMAT";

    /** The 18th character of a resident ID number is not the check character of the first 17. */
    public static final String ID_NUMBER_CHECK = "ID_NUMBER_CHECK";

    /** The birth date inside a resident ID number is not a real date, is before 1900 or is in the future. */
    public static final String ID_NUMBER_BIRTH_DATE = "ID_NUMBER_BIRTH_DATE";

    /** Warning: a legacy 15-digit resident ID number (no check character) was accepted. */
    public static final String ID_NUMBER_LEGACY_15 = "ID_NUMBER_LEGACY_15";

    /**
     * A certificate number other than a resident ID (passport, 港澳/台湾 permits, foreign permanent residence) does
     * not have the format of its {@link CertificateType}.
     */
    public static final String CERTIFICATE_FORMAT = "CERTIFICATE_FORMAT";

    /** {@code document.decisionDate} is long-term (长期, 2099-12-31): a decision is made on a real day. */
    public static final String DECISION_DATE_LONG_TERM = "DECISION_DATE_LONG_TERM";

    /** {@code document.validTo} is before {@code document.validFrom}. */
    public static final String VALIDITY_RANGE = "VALIDITY_RANGE";

    /** {@code document.decisionDate} is after {@code document.validTo}: the decision expired before it was made. */
    public static final String DECISION_AFTER_VALIDITY = "DECISION_AFTER_VALIDITY";

    /** A {@link Money} value in the body is negative. */
    public static final String MONEY_NEGATIVE = "MONEY_NEGATIVE";

    private Rules() {
    }
}
