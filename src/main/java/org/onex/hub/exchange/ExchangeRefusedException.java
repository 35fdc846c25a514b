package org.onex.hub.exchange;

import java.util.List;
import java.util.stream.Collectors;

/** An exchange, an answer or an attachment the hub refuses, with every reason at once; nothing was stored. */
public class ExchangeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Refusal> refusals;

    public ExchangeRefusedException(List<Refusal> refusals) {
        super(refusals.stream().map(r -> r.item() + ": " + r.message()).collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    public ExchangeRefusedException(Refusal refusal) {
        this(List.of(refusal));
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
