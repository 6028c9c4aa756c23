package com.recoverydesk.notify;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStatusChanged;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.identity.UserEmails;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides which status changes a user hears about and queues the message in the outbox, in the same
 * transaction as the change, with a timeline entry. {@link OutboxSender} delivers it after commit.
 */
@Component
class Notifications {

    private static final Map<CaseStatus, String> SUBJECTS = Map.of(
            CaseStatus.REJECTED, "Your recovery case was rejected",
            CaseStatus.INFO_REQUESTED, "We need more information for your recovery case",
            CaseStatus.REFUNDING, "Your recovery case was approved",
            CaseStatus.COMPLETED, "Your funds were refunded",
            CaseStatus.CLOSED_NO_REPLY, "Your recovery case was closed");

    private final CaseStore cases;
    private final Timeline timeline;
    private final Outbox outbox;
    private final UserEmails emails;

    Notifications(CaseStore cases, Timeline timeline, Outbox outbox, UserEmails emails) {
        this.cases = cases;
        this.timeline = timeline;
        this.outbox = outbox;
        this.emails = emails;
    }

    @EventListener
    void on(CaseStatusChanged change) {
        String subject = SUBJECTS.get(change.status());
        if (subject == null) {
            return;
        }
        RecoveryCase c = cases.find(change.caseId()).orElseThrow();
        String recipient = recipientOf(c);
        if (recipient == null) {
            timeline.note(c.id(), CaseTransitions.SYSTEM, "NOT_NOTIFIED", change.status(), "No e-mail address is known for this case.");
            return;
        }
        outbox.queue(c.id(), recipient, subject, body(c, change));
        timeline.note(c.id(), CaseTransitions.SYSTEM, "NOTIFIED", change.status(), "E-mail to " + recipient + ": " + subject + ".");
    }

    private String recipientOf(RecoveryCase c) {
        if (c.contactEmail() != null) {
            return c.contactEmail();
        }
        return emails.of(c.customerId()).orElse(null);
    }

    private static String body(RecoveryCase c, CaseStatusChanged change) {
        return "Case " + c.id() + " (" + c.chain() + ", " + c.txHash() + ")\n\n"
                + (change.message() == null ? "Its status is now " + change.status() + "." : change.message()) + "\n\n"
                + "Follow your case in Recovery Desk: /api/v1/cases/" + c.id() + "\n";
    }
}
