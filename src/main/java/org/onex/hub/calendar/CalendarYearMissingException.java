package org.onex.hub.calendar;

/**
 * The working-day calendar has no data for a year that a question reaches into. The calendar never
 * guesses a year from the weekdays alone: the caller decides (hold the deadline, alert, ask again
 * once the operator has added {@code calendar/<year>.yaml}).
 */
public class CalendarYearMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int year;

    public CalendarYearMissingException(int year) {
        super("no working-day calendar for " + year + ": add calendar/" + year + ".yaml from the State Council's notice "
                + "(国务院办公厅关于" + year + "年部分节假日安排的通知)");
        this.year = year;
    }

    /** The year without data. */
    public int year() {
        return year;
    }
}
