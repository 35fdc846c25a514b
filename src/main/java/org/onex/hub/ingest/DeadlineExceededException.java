package org.onex.hub.ingest;

import java.time.Duration;

/** A unit of work passed its {@link WorkDeadline}; its transaction was rolled back, nothing of it is stored. */
public class DeadlineExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration budget;
    private final String step;

    public DeadlineExceededException(Duration budget, String step) {
        super("the work took longer than " + budget.toMillis() + " ms (" + step + ")");
        this.budget = budget;
        this.step = step;
    }

    public Duration budget() {
        return budget;
    }

    /** Where the work was when the deadline passed. */
    public String step() {
        return step;
    }
}
