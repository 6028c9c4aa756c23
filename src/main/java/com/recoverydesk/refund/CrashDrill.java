package com.recoverydesk.refund;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An operator's drill for the exactly-once promise: with {@code recovery.drill.crash-at} set to a point of the
 * refund, the process stops there (once) and waits to be killed, so a kill -9 lands exactly at that point.
 * Off unless set; never set it in production.
 */
@Component
class CrashDrill {

    static final String AFTER_SIGNING_BEFORE_COMMIT = "AFTER_SIGNING_BEFORE_COMMIT";
    static final String AFTER_COMMIT_BEFORE_BROADCAST = "AFTER_COMMIT_BEFORE_BROADCAST";
    static final String AFTER_BROADCAST_BEFORE_CONFIRMATION = "AFTER_BROADCAST_BEFORE_CONFIRMATION";

    private static final Logger log = LoggerFactory.getLogger(CrashDrill.class);

    private final String crashAt;
    private final AtomicBoolean fired = new AtomicBoolean();

    CrashDrill(@Value("${recovery.drill.crash-at:}") String crashAt) {
        this.crashAt = crashAt;
    }

    void reached(String point) {
        if (!point.equals(crashAt) || !fired.compareAndSet(false, true)) {
            return;
        }
        log.warn("CRASH DRILL: {} reached; waiting to be killed", point);
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("crash drill interrupted at " + point);
            }
        }
    }
}
