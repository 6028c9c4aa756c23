package com.recoverydesk.notify;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStatusChanged;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.identity.UserEmails;
import com.recoverydesk.people.CustomerLanguages;
import com.recoverydesk.people.CustomerMessages;
import com.recoverydesk.rules.NativeCoin;
import com.recoverydesk.rules.RecoveryRules;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides which status changes a user hears about and queues the message in the outbox, in the same
 * transaction as the change, with a timeline entry. {@link OutboxSender} delivers it after commit. The message is
 * written in the customer's stored language ({@link CustomerLanguages}), amounts in tokens.
 */
@Component
class Notifications {

    private static final Set<CaseStatus> TOLD = Set.of(
            CaseStatus.REJECTED, CaseStatus.INFO_REQUESTED, CaseStatus.REFUNDING, CaseStatus.COMPLETED, CaseStatus.CLOSED_NO_REPLY);

    private final CaseStore cases;
    private final Timeline timeline;
    private final Outbox outbox;
    private final UserEmails emails;
    private final CustomerLanguages languages;
    private final CustomerMessages messages;
    private final RecoveryRules rules;

    Notifications(CaseStore cases, Timeline timeline, Outbox outbox, UserEmails emails, CustomerLanguages languages,
            CustomerMessages messages, RecoveryRules rules) {
        this.cases = cases;
        this.timeline = timeline;
        this.outbox = outbox;
        this.emails = emails;
        this.languages = languages;
        this.messages = messages;
        this.rules = rules;
    }

    @EventListener
    void on(CaseStatusChanged change) {
        if (!TOLD.contains(change.status())) {
            return;
        }
        RecoveryCase c = cases.find(change.caseId()).orElseThrow();
        String recipient = recipientOf(c);
        if (recipient == null) {
            timeline.note(c.id(), CaseTransitions.SYSTEM, "NOT_NOTIFIED", change.status(), "No e-mail address is known for this case.");
            return;
        }
        Locale language = languages.of(c.customerId());
        String subject = messages.text("mail.subject." + change.status().name(), language);
        outbox.queue(c.id(), recipient, subject, body(c, change, language));
        timeline.note(c.id(), CaseTransitions.SYSTEM, "NOTIFIED", change.status(),
                "E-mail to " + recipient + " (" + language.toLanguageTag() + "): " + subject + ".");
    }

    private String recipientOf(RecoveryCase c) {
        if (c.contactEmail() != null) {
            return c.contactEmail();
        }
        return emails.of(c.customerId()).orElse(null);
    }

    String body(RecoveryCase c, CaseStatusChanged change, Locale language) {
        return messages.text("mail.case", language, c.id(), c.chain(), c.txHash()) + "\n\n"
                + what(c, change, language) + "\n\n"
                + messages.text("mail.follow", language, "/api/v1/cases/" + c.id()) + "\n";
    }

    /** What happened, for the customer: the reason, the question, or what is being paid to them. */
    private String what(RecoveryCase c, CaseStatusChanged change, Locale language) {
        if (change.reason() != null) {
            return messages.reason(change.reason().name(), change.reason().detailOf(change.message()), language);
        }
        if (change.status() == CaseStatus.INFO_REQUESTED) {
            return messages.text("mail.body.INFO_REQUESTED", language, change.message());
        }
        if ((change.status() == CaseStatus.REFUNDING || change.status() == CaseStatus.COMPLETED) && c.facts() != null && c.fee() != null) {
            NativeCoin coin = rules.chain(c.chain()).orElseThrow().nativeCoin();
            String refund = c.facts().units(c.facts().amount().subtract(c.fee().amount()), coin.symbol(), coin.decimals()).toString();
            String to = c.refundAddress() != null ? c.refundAddress() : c.facts().from();
            return messages.text("mail.body." + change.status().name(), language, refund, to);
        }
        return messages.text("status." + change.status().name(), language);
    }
}
