package com.recoverydesk.chain;

/**
 * A chain's node did not answer, or answered with an error. Thrown out of a workflow step so the engine
 * retries it and, when retries run out, raises an incident: the case waits, it is never lost or rejected.
 */
public class ChainUnavailable extends RuntimeException {

    public ChainUnavailable(String chain, String what, Throwable cause) {
        super("The " + chain + " node could not " + what + ": " + (cause == null ? "no answer" : cause.getMessage()), cause);
    }

    public ChainUnavailable(String chain, String what, String error) {
        super("The " + chain + " node could not " + what + ": " + error);
    }
}
