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
        store(caseId, chain, purpose, from, to, token, amount, nonce, 0, gasLimit, GasPrice.legacy(maxFeePerGas), raw, hash);
    }

    /** Stores a signed transaction; {@code attempt} above 0 replaces the earlier attempts at its nonce. */
    void store(String caseId, String chain, Purpose purpose, String from, String to, String token, BigInteger amount,
            long nonce, int attempt, BigInteger gasLimit, GasPrice price, String raw, String hash) {
        jdbc.sql("""
                insert into recovery.refund_transaction (case_id, chain, purpose, from_address, to_address, token_contract, amount,
                    nonce, attempt, gas_limit, max_fee_per_gas, max_priority_fee_per_gas, raw, hash, status, created_at, updated_at)
                values (:caseId, :chain, :purpose, :from, :to, :token, :amount, :nonce, :attempt, :gas, :fee, :tip, :raw, :hash, 'SIGNED',
                    :now, :now)""")
                .param("caseId", caseId).param("chain", chain).param("purpose", purpose.name()).param("from", from).param("to", to)
                .param("token", token).param("amount", new BigDecimal(amount)).param("nonce", nonce).param("attempt", attempt)
                .param("gas", new BigDecimal(gasLimit)).param("fee", new BigDecimal(price.maxPerGas()))
                .param("tip", price.eip1559() ? new BigDecimal(price.maxPriorityFeePerGas()) : null, java.sql.Types.NUMERIC)
                .param("raw", raw).param("hash", hash).param("now", now())
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

    /** Native coin a sender must keep for its stored, unconfirmed transactions (current attempts): their gas at their maximum fee. */
    BigInteger reservedGas(String chain, String address) {
        BigDecimal reserved = jdbc.sql("""
                select coalesce(sum(gas_limit * max_fee_per_gas), 0) from recovery.refund_transaction
                where chain = :c and from_address = :a and status in ('SIGNED', 'BROADCAST')""")
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
                select id, case_id, chain, purpose, from_address, to_address, token_contract, amount, nonce, raw, hash, status, block_number,
                    attempt, gas_limit, max_fee_per_gas, max_priority_fee_per_gas, pending_since_block, gas_used, effective_gas_price
                from recovery.refund_transaction where case_id in (:caseIds) order by id""")
                .param("caseIds", List.copyOf(caseIds))
                .query((rs, row) -> new RefundTransaction(rs.getLong(1), rs.getString(2), rs.getString(3), Purpose.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8).toBigIntegerExact(), rs.getLong(9),
                        rs.getString(10), rs.getString(11), RefundTransaction.Status.valueOf(rs.getString(12)),
                        (Long) rs.getObject(13, Long.class), rs.getInt(14), rs.getBigDecimal(15).toBigIntegerExact(),
                        rs.getBigDecimal(16).toBigIntegerExact(), rs.getBigDecimal(17) == null ? null : rs.getBigDecimal(17).toBigIntegerExact(),
                        (Long) rs.getObject(18, Long.class), whole(rs.getBigDecimal(19)), whole(rs.getBigDecimal(20))))
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

    /** Mined and buried deep enough; with what its gas cost, from the receipt (null where the node does not say). */
    void confirmed(long id, long blockNumber, BigInteger gasUsed, BigInteger effectiveGasPrice) {
        jdbc.sql("""
                update recovery.refund_transaction set status = 'CONFIRMED', block_number = :block, gas_used = :used,
                    effective_gas_price = :price, updated_at = :now where id = :id""")
                .param("block", blockNumber).param("used", gasUsed == null ? null : new BigDecimal(gasUsed), java.sql.Types.NUMERIC)
                .param("price", effectiveGasPrice == null ? null : new BigDecimal(effectiveGasPrice), java.sql.Types.NUMERIC)
                .param("now", now()).param("id", id).update();
    }

    private static BigInteger whole(BigDecimal value) {
        return value == null ? null : value.toBigIntegerExact();
    }

    /** The head at which the check first saw this attempt unmined: the count of replace-after-blocks starts there. */
    void pendingSince(long id, long head) {
        jdbc.sql("update recovery.refund_transaction set pending_since_block = :head, updated_at = :now where id = :id and pending_since_block is null")
                .param("head", head).param("now", now()).param("id", id).update();
    }

    /** A later attempt at the same nonce was stored; this one is no longer sent, but may still be mined. */
    void replaced(long id) {
        jdbc.sql("update recovery.refund_transaction set status = 'REPLACED', updated_at = :now where id = :id and status in ('SIGNED', 'BROADCAST')")
                .param("now", now()).param("id", id).update();
    }

    /** Another attempt at the same nonce was mined. */
    void notMined(long id) {
        jdbc.sql("update recovery.refund_transaction set status = 'NOT_MINED', updated_at = :now where id = :id and status <> 'CONFIRMED'")
                .param("now", now()).param("id", id).update();
    }

    /** @return true the first time only: the cap is noted (and the wallet team told) once per transaction */
    boolean feeCapped(long id) {
        return jdbc.sql("update recovery.refund_transaction set fee_capped_at = :now, updated_at = :now where id = :id and fee_capped_at is null")
                .param("now", now()).param("id", id).update() == 1;
    }

    /**
     * Native coin the gas station sent (or is sending) to an address for other cases whose transfers are not signed
     * yet: theirs, not free for another case's gas. Counted whether mined or not, so a case never relies on it.
     */
    BigInteger earmarked(String chain, String address, String exceptCaseId) {
        BigDecimal value = jdbc.sql("""
                select coalesce(sum(t.amount), 0) from recovery.refund_transaction t
                where t.chain = :c and t.to_address = :a and t.purpose = 'GAS_TOP_UP' and t.status <> 'NOT_MINED' and t.case_id <> :except
                  and not exists (select 1 from recovery.refund_transaction r where r.case_id = t.case_id and r.purpose = 'REFUND')""")
                .param("c", chain).param("a", address).param("except", exceptCaseId).query(BigDecimal.class).single();
        return value.toBigIntegerExact();
    }

    /** Native coin a sender's current (unmined) native transfers will move: it is not there to pay a raised fee. */
    BigInteger pendingValue(String chain, String address) {
        BigDecimal value = jdbc.sql("""
                select coalesce(sum(amount), 0) from recovery.refund_transaction
                where chain = :c and from_address = :a and token_contract is null and status in ('SIGNED', 'BROADCAST')""")
                .param("c", chain).param("a", address).query(BigDecimal.class).single();
        return value.toBigIntegerExact();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
