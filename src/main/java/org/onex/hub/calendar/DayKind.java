package org.onex.hub.calendar;

/** What a holiday notice makes of a day. Days a notice does not list follow the week: Monday to Friday work. */
public enum DayKind {
    /** A rest day (放假) of a statutory holiday, weekends inside the holiday included. */
    REST,
    /** A make-up working day (调休上班): a Saturday or Sunday worked to lengthen a holiday. */
    MAKE_UP
}
