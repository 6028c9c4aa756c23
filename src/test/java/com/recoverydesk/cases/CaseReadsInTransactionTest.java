package com.recoverydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.StoredCases;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A job's steps read a case once per transaction; a write through the store makes the next read see it. */
class CaseReadsInTransactionTest extends IntegrationTest {

    @Autowired
    CaseStore cases;
    @Autowired
    CaseTransitions transitions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aTransactionReadsACaseOnceAndAgainAfterChangingIt() {
        String id = new StoredCases(jdbc).insert("carol", "VERIFYING", Instant.now());

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            RecoveryCase first = cases.find(id).orElseThrow();
            assertThat(cases.find(id).orElseThrow()).isSameAs(first);

            transitions.move(id, CaseStatus.IN_REVIEW, CaseTransitions.SYSTEM, "QUEUED_FOR_REVIEW", "Moved by the test.");

            RecoveryCase moved = cases.find(id).orElseThrow();
            assertThat(moved).isNotSameAs(first);
            assertThat(moved.status()).isEqualTo(CaseStatus.IN_REVIEW);
        });
    }

    @Test
    void outsideATransactionEveryFindReadsTheDatabase() {
        String id = new StoredCases(jdbc).insert("carol", "VERIFYING", Instant.now());
        RecoveryCase first = cases.find(id).orElseThrow();

        jdbc.sql("update recovery.recovery_case set note = 'written elsewhere' where id = :id").param("id", id).update();

        assertThat(cases.find(id).orElseThrow().note()).isEqualTo("written elsewhere");
        assertThat(first.note()).isNull();
    }
}
