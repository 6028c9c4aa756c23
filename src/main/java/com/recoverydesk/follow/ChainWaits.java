package com.recoverydesk.follow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cases waiting for a chain ({@code recovery.chain_wait}): written in the transaction of the step that found the
 * case must wait, so a wait exists exactly when the process waits; removed when the case is woken.
 */
@Component
class ChainWaits {

    enum Kind {
        DEPOSIT,
        REFUND
    }

    /** One waiting case; {@code targetBlock} null while its transactions are not all mined. */
    record Wait(String caseId, String chain, Kind kind, String txHash, int confirmations, Long targetBlock) {
    }

    private final JdbcClient jdbc;

    ChainWaits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void register(String caseId, String chain, Kind kind, String txHash, int confirmations, Instant now) {
        forget(caseId);
        jdbc.sql("insert into recovery.chain_wait (case_id, chain, kind, tx_hash, confirmations, since) values (?, ?, ?, ?, ?, ?)")
                .params(caseId, chain, kind.name(), txHash, confirmations, Timestamp.from(now)).update();
    }

    void forget(String caseId) {
        jdbc.sql("delete from recovery.chain_wait where case_id = ?").param(caseId).update();
    }

    /** The cases whose transactions the head {@code head} gives their confirmations. */
    List<String> due(String chain, long head) {
        return jdbc.sql("select case_id from recovery.chain_wait where chain = ? and target_block <= ? order by target_block, case_id")
                .params(chain, head).query(String.class).list();
    }

    /** The cases of the chain whose transactions were not all mined when last looked at. */
    List<Wait> unmined(String chain) {
        return jdbc.sql("select case_id, chain, kind, tx_hash, confirmations, target_block from recovery.chain_wait"
                        + " where chain = ? and target_block is null order by since, case_id")
                .param(chain).query((rs, row) -> new Wait(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getInt(5), null)).list();
    }

    /** Every case waiting for the chain. */
    List<String> all(String chain) {
        return jdbc.sql("select case_id from recovery.chain_wait where chain = ? order by since, case_id").param(chain).query(String.class).list();
    }

    long count(String chain) {
        return jdbc.sql("select count(*) from recovery.chain_wait where chain = ?").param(chain).query(Long.class).single();
    }

    void target(String caseId, long block) {
        jdbc.sql("update recovery.chain_wait set target_block = ? where case_id = ?").params(block, caseId).update();
    }

    /** The hashes of each refund's transactions not yet confirmed, by case (a replaced attempt may still be the one mined; one that another attempt at its nonce beat never will). */
    Map<String, List<String>> openRefundTransactions(Collection<String> caseIds) {
        Map<String, List<String>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        String marks = String.join(", ", caseIds.stream().map(id -> "?").toList());
        jdbc.sql("select case_id, hash from recovery.refund_transaction where status not in ('CONFIRMED', 'NOT_MINED') and case_id in (" + marks + ") order by id")
                .params(new ArrayList<>(caseIds))
                .query((rs, row) -> byCase.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2))).list();
        return byCase;
    }
}
