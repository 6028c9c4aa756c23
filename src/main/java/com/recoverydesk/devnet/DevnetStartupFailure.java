package com.recoverydesk.devnet;

/** The devnet cannot start; the message says which setting or resource and what to do. */
public class DevnetStartupFailure extends RuntimeException {

    public DevnetStartupFailure(String message) {
        super(message);
    }

    public DevnetStartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
