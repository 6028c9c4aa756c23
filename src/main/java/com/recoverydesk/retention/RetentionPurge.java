package com.recoverydesk.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes finished cases whose last change is older than {@code recovery.retention}, with everything that belongs to
 * them. Open cases are never touched, however old. A batch of cases per transaction; several nodes may run it at
 * once, since each delete only removes what is still there.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RetentionSettings settings;
    private final TransactionTemplate transaction;
    private final CaseReferences references;

    RetentionPurge(JdbcClient jdbc, Clock clock, RetentionSettings settings, PlatformTransactionManager transactions, CaseReferences references) {
        this.jdbc = jdbc;
        this.references = references;
        this.clock = clock;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${recovery.retention-purge-cron:0 30 3 * * *}")
    void onSchedule() {
        int purged = purge();
        if (purged > 0) {
            log.info("Retention: purged {} finished case(s) that finished before {} ({} ago)", purged, cutoff(), settings.retention());
        }
    }

    /** Deletes every finished case past retention; returns how many. */
    int purge() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(cutoff(), ZoneOffset.UTC);
        int total = 0;
        while (true) {
            Integer purged = transaction.execute(status -> purgeBatch(cutoff));
            total += purged;
            if (purged < settings.retentionPurgeBatch()) {
                return total;
            }
        }
    }

    Instant cutoff() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(settings.retention()).toInstant();
    }

    private int purgeBatch(OffsetDateTime cutoff) {
        List<String> ids = jdbc.sql("select id from recovery.recovery_case where status in (:finished) and updated_at < :cutoff "
                        + "order by updated_at fetch first :batch rows only")
                .param("finished", FinishedCases.STATUSES)
                .param("cutoff", cutoff)
                .param("batch", settings.retentionPurgeBatch())
                .query(String.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        // children first: they reference the case
        for (CaseReferences.Reference child : references.all()) {
            jdbc.sql("delete from " + child.table() + " where " + child.column() + " in (:ids)").param("ids", ids).update();
        }
        jdbc.sql("delete from recovery.recovery_case where id in (:ids)").param("ids", ids).update();
        return ids.size();
    }
}
