/**
 * Telling users: status changes they hear about are queued in an outbox in the step's transaction and sent
 * after commit with retries, by e-mail (Spring Mail) or, on the devnet, as a log line.
 */
package com.recoverydesk.notify;
