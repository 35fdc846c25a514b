package org.onex.hub.mapping;

/** Rule codes of mapping failures, stored with quarantined rows and filterable in the quarantine API. */
public final class Rules {

    /** A value is not in the field's code list (e.g. licence kind 07 where 01–06 are defined). */
    public static final String MAPPING_CODE_UNKNOWN = "MAPPING_CODE_UNKNOWN";
    /** A value cannot be converted to the field's type (a date that is not a date). */
    public static final String MAPPING_TYPE = "MAPPING_TYPE";
    /** A Simple expression failed on this row. */
    public static final String MAPPING_EXPRESSION = "MAPPING_EXPRESSION";
    /** The row has no value for its source key, so it cannot be stored idempotently. */
    public static final String SOURCE_KEY_MISSING = "SOURCE_KEY_MISSING";

    /**
     * A text value starts with a spreadsheet formula character (=, @, or + / - not followed by a number):
     * stored, it would run as a formula when someone opens a hub export in Excel or WPS (CSV injection,
     * e.g. {@code =cmd|' /C calc'!A0}). See docs/design-decisions.md.
     */
    public static final String FORMULA_CELL = "FORMULA_CELL";
    /** A text value longer than {@link CellText#MAX_CHARS}, the most a spreadsheet cell holds. */
    public static final String VALUE_TOO_LONG = "VALUE_TOO_LONG";

    private Rules() {
    }
}
