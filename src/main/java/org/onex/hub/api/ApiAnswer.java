package org.onex.hub.api;

/**
 * A typed JSON answer of the API. {@link ApiAnswers} writes every one of them: ID and mobile numbers masked by
 * value for the calling client unless the answer is {@link Viewed}, compact unless the request asks
 * {@code ?pretty}.
 */
public interface ApiAnswer {

    /**
     * An answer built of the sharing enforcer's views item by item, which mask for the client already (a unit
     * sees what it provided as it is); {@link ApiAnswers} leaves it as it is.
     */
    interface Viewed extends ApiAnswer {
    }
}
