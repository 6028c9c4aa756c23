package com.recoverydesk.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification outbox: queued in the step's transaction, claimed and marked by the sender. */
@Repository
class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void queue(String caseId, String recipient, String subject, String body) {
        jdbc.sql("""
                insert into recovery.notification_outbox (case_id, recipient, subject, body, created_at, next_attempt_at)
                values (:caseId, :recipient, :subject, :body, :now, :now)""")
                .param("caseId", caseId).param("recipient", recipient).param("subject", subject)
                .param("body", body.length() > 4000 ? body.substring(0, 4000) : body).param("now", now())
                .update();
    }

    /** Queues a message of another channel than e-mail (a webhook: recipient is the URL, body the JSON). */
    void queue(String caseId, String channel, String recipient, String subject, String body) {
        jdbc.sql("""
                insert into recovery.notification_outbox (case_id, channel, recipient, subject, body, created_at, next_attempt_at)
                values (:caseId, :channel, :recipient, :subject, :body, :now, :now)""")
                .param("caseId", caseId).param("channel", channel).param("recipient", recipient).param("subject", subject)
                .param("body", body).param("now", now())
                .update();
    }

    List<Message> due(int limit) {
        return jdbc.sql("""
                select id, case_id, recipient, subject, body, attempts, channel from recovery.notification_outbox
                where sent_at is null and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
                order by id""")
                .param("now", now())
                .query((rs, row) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        rs.getString(7)))
                .list().stream().limit(limit).toList();
    }

    /** Takes a message for one sender; on several nodes only one wins the update. */
    boolean claim(long id, Duration lease) {
        return jdbc.sql("update recovery.notification_outbox set claimed_until = :until where id = :id and sent_at is null "
                        + "and (claimed_until is null or claimed_until < :now)")
                .param("until", now().plus(lease)).param("now", now()).param("id", id)
                .update() == 1;
    }

    void sent(long id) {
        jdbc.sql("update recovery.notification_outbox set sent_at = :now, attempts = attempts + 1, claimed_until = null, last_error = null where id = :id")
                .param("now", now()).param("id", id).update();
    }

    void failed(long id, int attempts, String error) {
        Duration backoff = Duration.ofSeconds(Math.min(600, 5L << Math.min(attempts, 7)));
        jdbc.sql("update recovery.notification_outbox set attempts = attempts + 1, next_attempt_at = :next, claimed_until = null, "
                        + "last_error = :error where id = :id")
                .param("next", now().plus(backoff))
                .param("error", error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error)
                .param("id", id).update();
    }

    long pending() {
        return jdbc.sql("select count(*) from recovery.notification_outbox where sent_at is null").query(Long.class).single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** {@code channel}: EMAIL, or WEBHOOK ({@link Webhooks}). */
    record Message(long id, String caseId, String recipient, String subject, String body, int attempts, String channel) {
    }
}
