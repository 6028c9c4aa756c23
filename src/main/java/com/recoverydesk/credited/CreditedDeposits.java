package com.recoverydesk.credited;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Deposits the exchange's own deposit system credited. Such a deposit was not misdirected. */
@Repository
public class CreditedDeposits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    CreditedDeposits(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        // A duplicate aborts a whole PostgreSQL transaction; a savepoint keeps the rest of the import going.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public boolean isCredited(String chain, String txHash, int logIndex) {
        return jdbc.sql("select count(*) from recovery.credited_deposit where chain = :c and tx_hash = :t and log_index = :l")
                .param("c", chain).param("t", txHash.toLowerCase()).param("l", logIndex)
                .query(Long.class).single() > 0;
    }

    /** Imports validated entries in one transaction; those already known (chain + TXID + log index) are skipped. */
    @Transactional
    ImportResult importAll(java.util.List<CreditedDeposit> deposits, String importedBy) {
        int imported = 0;
        int known = 0;
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (CreditedDeposit d : deposits) {
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql("""
                        insert into recovery.credited_deposit (chain, tx_hash, log_index, deposit_address, token_contract,
                            amount, credited_at, imported_at, imported_by)
                        values (:chain, :tx, :log, :address, :token, :amount, :creditedAt, :now, :by)""")
                        .param("chain", d.chain()).param("tx", d.txHash()).param("log", d.logIndex())
                        .param("address", d.depositAddress()).param("token", d.tokenContract())
                        .param("amount", new BigDecimal(d.amount()))
                        .param("creditedAt", d.creditedAt() == null ? null : OffsetDateTime.ofInstant(d.creditedAt(), ZoneOffset.UTC))
                        .param("now", now).param("by", importedBy)
                        .update());
                imported++;
            } catch (DuplicateKeyException alreadyKnown) {
                known++;
            }
        }
        return new ImportResult(imported, known);
    }

    long count() {
        return jdbc.sql("select count(*) from recovery.credited_deposit").query(Long.class).single();
    }

    record ImportResult(int imported, int alreadyKnown) {
    }
}
