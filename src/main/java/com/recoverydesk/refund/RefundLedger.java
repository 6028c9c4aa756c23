package com.recoverydesk.refund;

import com.recoverydesk.database.Savepoints;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored refund transactions. Rows are written once, signed; afterwards only their status moves. */
@Repository
public class RefundLedger {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Savepoints savepoints;

    RefundLedger(JdbcClient jdbc, Clock clock, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoints = savepoints;
    }

    void store(String caseId, String chain, Purpose purpose, String from, String to, String token, BigInteger amount,
            long nonce, BigInteger gasLimit, BigInteger maxFeePerGas, String raw, String hash) {
        jdbc.sql("""
                insert into recovery.refund_transaction (case_id, chain, purpose, from_address, to_address, token_contract, amount,
                    nonce, gas_limit, max_fee_per_gas, raw, hash, status, created_at, updated_at)
                values (:caseId, :chain, :purpose, :from, :to, :token, :amount, :nonce, :gas, :fee, :raw, :hash, 'SIGNED', :now, :now)""")
                .param("caseId", caseId).param("chain", chain).param("purpose", purpose.name()).param("from", from).param("to", to)
                .param("token", token).param("amount", new BigDecimal(amount)).param("nonce", nonce)
                .param("gas", new BigDecimal(gasLimit)).param("fee", new BigDecimal(maxFeePerGas)).param("raw", raw)
                .param("hash", hash).param("now", now())
                .update();
    }

    /**
     * Serialises signing from one address across threads and nodes until the surrounding transaction ends:
     * nonces and the address's gas are handed out one signer at a time.
     */
    void lockSender(String chain, String address) {
        if (jdbc.sql("select count(*) from recovery.refund_sender where chain = :c and address = :a")
                .param("c", chain).param("a", address).query(Long.class).single() == 0) {
            // a signer racing us may insert the row first; either way it exists now and is locked below
            savepoints.writeUnlessDuplicate(() -> jdbc.sql("insert into recovery.refund_sender (chain, address) values (:c, :a)")
                    .param("c", chain).param("a", address).update());
        }
        jdbc.sql("select address from recovery.refund_sender where chain = :c and address = :a for update")
                .param("c", chain).param("a", address).query(String.class).single();
    }

    /** The highest nonce stored for a sender, if any. */
    java.util.Optional<Long> lastNonce(String chain, String address) {
        return jdbc.sql("select max(nonce) from recovery.refund_transaction where chain = :c and from_address = :a")
                .param("c", chain).param("a", address).query(Long.class).optional();
    }

    /** Native coin a sender must keep for its stored, unconfirmed transactions: their gas at their maximum fee. */
    BigInteger reservedGas(String chain, String address) {
        BigDecimal reserved = jdbc.sql("""
                select coalesce(sum(gas_limit * max_fee_per_gas), 0) from recovery.refund_transaction
                where chain = :c and from_address = :a and status <> 'CONFIRMED'""")
                .param("c", chain).param("a", address).query(BigDecimal.class).single();
        return reserved.toBigIntegerExact();
    }

    public List<RefundTransaction> of(String caseId) {
        return of(List.of(caseId));
    }

    /** The transactions of several cases in one query (a page of cases), in the order they were stored. */
    public List<RefundTransaction> of(java.util.Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, case_id, chain, purpose, from_address, to_address, token_contract, amount, nonce, raw, hash, status, block_number
                from recovery.refund_transaction where case_id in (:caseIds) order by id""")
                .param("caseIds", List.copyOf(caseIds))
                .query((rs, row) -> new RefundTransaction(rs.getLong(1), rs.getString(2), rs.getString(3), Purpose.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8).toBigIntegerExact(), rs.getLong(9),
                        rs.getString(10), rs.getString(11), RefundTransaction.Status.valueOf(rs.getString(12)),
                        (Long) rs.getObject(13, Long.class)))
                .list();
    }

    boolean has(String caseId, Purpose purpose) {
        return jdbc.sql("select count(*) from recovery.refund_transaction where case_id = :caseId and purpose = :purpose")
                .param("caseId", caseId).param("purpose", purpose.name()).query(Long.class).single() > 0;
    }

    void broadcast(long id) {
        jdbc.sql("update recovery.refund_transaction set status = 'BROADCAST', updated_at = :now where id = :id and status = 'SIGNED'")
                .param("now", now()).param("id", id).update();
    }

    void confirmed(long id, long blockNumber) {
        jdbc.sql("update recovery.refund_transaction set status = 'CONFIRMED', block_number = :block, updated_at = :now where id = :id")
                .param("block", blockNumber).param("now", now()).param("id", id).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
