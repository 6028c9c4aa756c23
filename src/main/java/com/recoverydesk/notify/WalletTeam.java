package com.recoverydesk.notify;

import com.recoverydesk.identity.Groups;
import com.recoverydesk.identity.UserEmails;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the wallet team what only they can act on (a refund whose fee reached the chain's cap): an e-mail to every
 * member of the {@code wallet} group, queued in the outbox in the caller's transaction, so it is sent after commit
 * with the outbox's retries, like every other notification.
 */
@Component
public class WalletTeam {

    private static final Logger log = LoggerFactory.getLogger(WalletTeam.class);

    private final UserEmails emails;
    private final Outbox outbox;

    WalletTeam(UserEmails emails, Outbox outbox) {
        this.emails = emails;
        this.outbox = outbox;
    }

    /** @return how many members were written to (none: the log says so, and the incident remains) */
    public int tell(String caseId, String subject, String body) {
        List<String> recipients = emails.ofGroup(Groups.WALLET);
        if (recipients.isEmpty()) {
            log.error("no member of group {} has an e-mail address; not told: {}", Groups.WALLET, subject);
        }
        recipients.forEach(recipient -> outbox.queue(caseId, recipient, subject, body));
        return recipients.size();
    }
}
