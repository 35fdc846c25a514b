package org.onex.hub.alert;

/** A failure told in one line for operators: the message and the distinct messages of its causes. */
public final class Causes {

    private Causes() {
    }

    public static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }
}
