package com.recoverydesk.credited;

import com.recoverydesk.database.Savepoints;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Deposits the exchange's own deposit system credited. Such a deposit was not misdirected. */
@Repository
public class CreditedDeposits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Savepoints savepoints;

    CreditedDeposits(JdbcClient jdbc, Clock clock, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoints = savepoints;
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
            boolean inserted = savepoints.writeUnlessDuplicate(() -> jdbc.sql("""
                        insert into recovery.credited_deposit (chain, tx_hash, log_index, deposit_address, token_contract,
                            amount, credited_at, imported_at, imported_by)
                        values (:chain, :tx, :log, :address, :token, :amount, :creditedAt, :now, :by)""")
                        .param("chain", d.chain()).param("tx", d.txHash()).param("log", d.logIndex())
                        .param("address", d.depositAddress()).param("token", d.tokenContract())
                        .param("amount", new BigDecimal(d.amount()))
                        .param("creditedAt", d.creditedAt() == null ? null : OffsetDateTime.ofInstant(d.creditedAt(), ZoneOffset.UTC))
                        .param("now", now).param("by", importedBy)
                        .update());
            if (inserted) {
                imported++;
            } else {
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
