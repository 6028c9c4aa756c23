package com.recoverydesk.notify;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued notifications after their transaction committed: by e-mail when {@code spring.mail.host} is
 * set, as a log line otherwise (the devnet); webhooks to the exchange's notification service, signed. A failure is retried later with a growing pause; a message is
 * marked sent only after the mail server took it.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final JavaMailSender mail;
    private final String from;
    private final Webhooks webhooks;
    private final WebhookSender webhookSender;

    OutboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mail, @Value("${recovery.notify.from:recovery-desk@localhost}") String from,
            Webhooks webhooks, WebhookSender webhookSender) {
        this.outbox = outbox;
        this.mail = mail.getIfAvailable();
        this.from = from;
        this.webhooks = webhooks;
        this.webhookSender = webhookSender;
    }

    @Scheduled(fixedDelayString = "${recovery.notify.poll-interval:PT2S}")
    void sendDue() {
        for (Outbox.Message message : outbox.due(20)) {
            if (!outbox.claim(message.id(), Duration.ofMinutes(1))) {
                continue;
            }
            try {
                deliver(message);
                outbox.sent(message.id());
            } catch (MailException | WebhookSender.WebhookFailed e) {
                log.warn("Notification {} for case {} not sent (attempt {}): {}", message.id(), message.caseId(), message.attempts() + 1, e.getMessage());
                outbox.failed(message.id(), message.attempts(), e.getMessage());
            }
        }
    }

    private void deliver(Outbox.Message message) {
        if (Webhooks.CHANNEL.equals(message.channel())) {
            String secret = webhooks.secretFor(message.recipient()).orElseThrow(() -> new WebhookSender.WebhookFailed(
                    "no endpoint " + message.recipient() + " in recovery.webhooks.endpoints any more"));
            webhookSender.post(message.recipient(), secret, message.body());
            return;
        }
        if (mail == null) {
            log.info("Notification for case {} to {}: {}", message.caseId(), message.recipient(), message.subject());
            return;
        }
        SimpleMailMessage mailMessage = new SimpleMailMessage();
        mailMessage.setFrom(from);
        mailMessage.setTo(message.recipient());
        mailMessage.setSubject(message.subject());
        mailMessage.setText(message.body());
        mail.send(mailMessage);
    }
}
