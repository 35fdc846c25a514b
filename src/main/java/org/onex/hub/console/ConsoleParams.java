package org.onex.hub.console;

/** Filters typed into the console are checked like the API's: anything malformed means "no filter". */
final class ConsoleParams {

    private ConsoleParams() {
    }

    /** A department code, or null. */
    static String code(String department) {
        return department == null || !department.matches("[a-z][a-z0-9]{1,15}") ? null : department;
    }
}
