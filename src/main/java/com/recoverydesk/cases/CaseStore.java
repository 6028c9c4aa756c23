package com.recoverydesk.cases;

import com.recoverydesk.database.Savepoints;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes cases. Status changes go through {@link CaseTransitions}, which also writes the timeline. */
@Repository
public class CaseStore {

    private static final String COLUMNS = "id, customer_id, type, status, chain, tx_hash, deposit_address, token_contract, "
            + "refund_address, claimed_amount, contact_email, note, reason_code, reason_message, fact_from, fact_to, "
            + "fact_token_contract, fact_symbol, fact_decimals, fact_amount, fact_block_number, fact_log_index, "
            + "fact_confirmations, fact_block_time, fee_amount, fee_usd, value_usd, fee_rule, created_at, updated_at, "
            + "price_source, price_feed_chain, price_feed, price_usd, price_round, price_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Savepoints savepoints;

    CaseStore(JdbcClient jdbc, Clock clock, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoints = savepoints;
    }

    /**
     * Stores a new case as {@code SUBMITTED}. The unique open key makes the database refuse a second open case
     * for the same customer and TXID even when two requests race.
     *
     * @throws OpenCaseExists naming the case that is already open
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(String id, NewCase form) {
        OffsetDateTime now = now();
        boolean inserted = savepoints.writeUnlessDuplicate(() -> jdbc.sql("""
                    insert into recovery.recovery_case (id, customer_id, type, status, chain, tx_hash, deposit_address,
                        token_contract, refund_address, claimed_amount, contact_email, note, open_key, created_at, updated_at)
                    values (:id, :customer, :type, :status, :chain, :tx, :deposit, :token, :refund, :claimed, :email,
                        :note, :openKey, :now, :now)""")
                    .param("id", id)
                    .param("customer", form.customerId())
                    .param("type", form.type().name())
                    .param("status", CaseStatus.SUBMITTED.name())
                    .param("chain", form.chain())
                    .param("tx", form.txHash())
                    .param("deposit", form.depositAddress())
                    .param("token", form.tokenContract())
                    .param("refund", form.refundAddress())
                    .param("claimed", form.claimedAmount())
                    .param("email", form.contactEmail())
                    .param("note", form.note())
                    .param("openKey", openKey(form.customerId(), form.chain(), form.txHash()))
                    .param("now", now)
                    .update());
        if (!inserted) {
            throw new OpenCaseExists(openCaseFor(form.customerId(), form.chain(), form.txHash()).orElse("unknown"));
        }
    }

    public Optional<RecoveryCase> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from recovery.recovery_case where id = :id")
                .param("id", id)
                .query(CaseStore::map)
                .optional();
    }

    /**
     * A customer's cases, the newest first, strictly after the key {@code (afterAt, afterId)} of the previous page's
     * last case (both null for the first page): keyset paging on {@code (created_at, id)}, served by an index.
     */
    public List<RecoveryCase> pageByCustomer(String customerId, Instant afterAt, String afterId, int rows) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("customer", customerId);
        return page("recovery.recovery_case", " where customer_id = :customer", "customer_id", params, afterAt, afterId, rows);
    }

    /**
     * Staff search: every criterion is optional; a TXID matches in any letter case, an address in its EIP-55 form (as
     * every address is stored). The newest first, paged like {@link #pageByCustomer}: a status alone can match hundreds
     * of thousands of cases.
     */
    public List<RecoveryCase> search(String txHash, String customerId, String address, CaseStatus status, String chain,
            Instant afterAt, String afterId, int rows) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (txHash != null) {
            where.append(" and tx_hash = :tx");
            params.put("tx", txHash.toLowerCase());
        }
        if (customerId != null) {
            where.append(" and customer_id = :customer");
            params.put("customer", customerId);
        }
        String from = "recovery.recovery_case";
        if (address != null) {
            // one indexed lookup per column, instead of an OR over three columns that makes the database read every case
            from = "(select " + COLUMNS + " from recovery.recovery_case where deposit_address = :address union select " + COLUMNS
                    + " from recovery.recovery_case where refund_address = :address union select " + COLUMNS
                    + " from recovery.recovery_case where fact_from = :address) matched";
            params.put("address", address);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (chain != null) {
            where.append(" and chain = :chain");
            params.put("chain", chain);
        }
        String leading = customerId != null ? "customer_id" : status != null && txHash == null && address == null ? "status" : null;
        return page(from, where.toString(), leading, params, afterAt, afterId, rows);
    }

    /**
     * The newest first; ties in time broken by id, so the order is total and a page boundary is exact. {@code leading}
     * names the column an equality filter fixes, if any: ordering by it first changes nothing in the result, but lets H2
     * read the page in the order of the index that starts with it, instead of sorting every matching case.
     */
    private List<RecoveryCase> page(String from, String where, String leading, java.util.Map<String, Object> params, Instant afterAt,
            String afterId, int rows) {
        String after = "";
        if (afterAt != null) {
            // "created_at <= :afterAt" first: a range the index can start from, instead of reading the list from its top
            after = " and created_at <= :afterAt and (created_at < :afterAt or id < :afterId)";
            params.put("afterAt", OffsetDateTime.ofInstant(afterAt, ZoneOffset.UTC));
            params.put("afterId", afterId);
        }
        params.put("rows", rows);
        return jdbc.sql("select " + COLUMNS + " from " + from + where + after
                        + " order by " + (leading == null ? "" : leading + ", ") + "created_at desc, id desc fetch first :rows rows only")
                .params(params)
                .query(CaseStore::map)
                .list();
    }

    /** Several cases in one query, by id; those that do not exist are absent from the map. */
    public java.util.Map<String, RecoveryCase> findAll(java.util.Collection<String> ids) {
        java.util.Map<String, RecoveryCase> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from recovery.recovery_case where id in (:ids)").param("ids", List.copyOf(ids))
                    .query(CaseStore::map).list().forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    public Optional<String> openCaseFor(String customerId, String chain, String txHash) {
        return jdbc.sql("select id from recovery.recovery_case where open_key = :key")
                .param("key", openKey(customerId, chain, txHash))
                .query(String.class)
                .optional();
    }

    public void recordFacts(String caseId, DepositFacts facts) {
        jdbc.sql("""
                update recovery.recovery_case set fact_from = :from, fact_to = :to, fact_token_contract = :token,
                    fact_symbol = :symbol, fact_decimals = :decimals, fact_amount = :amount, fact_block_number = :block,
                    fact_log_index = :logIndex, fact_confirmations = :confirmations, fact_block_time = :blockTime,
                    updated_at = :now
                where id = :id""")
                .param("from", facts.from())
                .param("to", facts.to())
                .param("token", facts.tokenContract())
                .param("symbol", facts.symbol())
                .param("decimals", facts.decimals())
                .param("amount", new BigDecimal(facts.amount()))
                .param("block", facts.blockNumber())
                .param("logIndex", facts.logIndex())
                .param("confirmations", facts.confirmations())
                .param("blockTime", facts.blockTime() == null ? null : OffsetDateTime.ofInstant(facts.blockTime(), ZoneOffset.UTC))
                .param("now", now())
                .param("id", caseId)
                .update();
    }

    /**
     * Makes this case the holder of a deposit. The unique claim key lets the database decide between two
     * cases racing for one deposit; the loser sees {@code false}.
     */
    public boolean claim(String caseId, String chain, String txHash, int logIndex) {
        return savepoints.writeUnlessDuplicate(() -> jdbc.sql("update recovery.recovery_case set claim_key = :key where id = :id")
                .param("key", chain + "|" + txHash + "|" + logIndex)
                .param("id", caseId)
                .update());
    }

    /** Writes a new status; closing statuses release the open key and, unless completed, the deposit. */
    void updateStatus(String caseId, CaseStatus status, ReasonCode reason, String reasonMessage) {
        String release = status.isOpen() ? "" : ", open_key = null" + (status.holdsDeposit() ? "" : ", claim_key = null");
        jdbc.sql("update recovery.recovery_case set status = :status, reason_code = :reason, reason_message = :message, "
                        + "updated_at = :now" + release + " where id = :id")
                .param("status", status.name())
                .param("reason", reason == null ? null : reason.name())
                .param("message", reasonMessage)
                .param("now", now())
                .param("id", caseId)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String openKey(String customerId, String chain, String txHash) {
        return customerId + "|" + chain + "|" + txHash;
    }

    private static RecoveryCase map(ResultSet rs, int row) throws SQLException {
        DepositFacts facts = null;
        if (rs.getObject("fact_block_number") != null) {
            BigDecimal amount = rs.getBigDecimal("fact_amount");
            facts = new DepositFacts(
                    rs.getString("fact_from"),
                    rs.getString("fact_to"),
                    rs.getString("fact_token_contract"),
                    rs.getString("fact_symbol"),
                    (Integer) rs.getObject("fact_decimals", Integer.class),
                    amount == null ? null : amount.toBigIntegerExact(),
                    rs.getLong("fact_block_number"),
                    rs.getInt("fact_log_index"),
                    rs.getLong("fact_confirmations"),
                    instant(rs, "fact_block_time"));
        }
        String reason = rs.getString("reason_code");
        return new RecoveryCase(
                rs.getString("id"),
                rs.getString("customer_id"),
                CaseType.valueOf(rs.getString("type")),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("chain"),
                rs.getString("tx_hash"),
                rs.getString("deposit_address"),
                rs.getString("token_contract"),
                rs.getString("refund_address"),
                rs.getString("claimed_amount"),
                rs.getString("contact_email"),
                rs.getString("note"),
                reason == null ? null : ReasonCode.valueOf(reason),
                rs.getString("reason_message"),
                facts,
                fee(rs),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static CaseFee fee(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("fee_amount");
        return amount == null ? null
                : new CaseFee(amount.toBigIntegerExact(), rs.getBigDecimal("fee_usd"), rs.getBigDecimal("value_usd"), rs.getString("fee_rule"),
                        price(rs));
    }

    private static CasePrice price(ResultSet rs) throws SQLException {
        String source = rs.getString("price_source");
        BigDecimal round = rs.getBigDecimal("price_round");
        return source == null ? null : new CasePrice(CasePrice.Source.valueOf(source), rs.getString("price_feed_chain"),
                rs.getString("price_feed"), rs.getBigDecimal("price_usd"), round == null ? null : round.toBigIntegerExact(),
                instant(rs, "price_at"));
    }

    /** Records the fee the case will be charged (computed by the same calculator as the public quote). */
    public void recordFee(String caseId, CaseFee fee) {
        CasePrice price = fee.price();
        jdbc.sql("update recovery.recovery_case set fee_amount = :fee, fee_usd = :usd, value_usd = :value, fee_rule = :rule, "
                        + "price_source = :source, price_feed_chain = :feedChain, price_feed = :feed, price_usd = :price, "
                        + "price_round = :round, price_at = :at, updated_at = :now where id = :id")
                .param("fee", new BigDecimal(fee.amount()))
                .param("usd", fee.usd())
                .param("value", fee.valueUsd())
                .param("rule", fee.rule())
                .param("source", price == null ? null : price.source().name())
                .param("feedChain", price == null ? null : price.feedChain())
                .param("feed", price == null ? null : price.feed())
                .param("price", price == null ? null : price.usd())
                .param("round", price == null || price.round() == null ? null : new BigDecimal(price.round()))
                .param("at", price == null || price.at() == null ? null : OffsetDateTime.ofInstant(price.at(), ZoneOffset.UTC))
                .param("now", now())
                .param("id", caseId)
                .update();
    }

    /** refund-to sender: the case refunds to the verified sender; a refund address named at filing is never replaced. */
    public void refundToSender(String caseId, String sender) {
        jdbc.sql("update recovery.recovery_case set refund_address = :sender, updated_at = :now where id = :id and refund_address is null")
                .param("sender", sender)
                .param("now", now())
                .param("id", caseId)
                .update();
    }

    /** Records whether the verified sender is a contract (it has code), which a specialist must then look at. */
    public void recordSenderIsContract(String caseId, boolean contract) {
        jdbc.sql("update recovery.recovery_case set fact_sender_contract = :contract where id = :id")
                .param("contract", contract)
                .param("id", caseId)
                .update();
    }

    /** Whether the verified sender is a contract; false until verification has read it. */
    public boolean senderIsContract(String caseId) {
        List<Boolean> flag = jdbc.sql("select fact_sender_contract from recovery.recovery_case where id = :id")
                .param("id", caseId).query(Boolean.class).list();
        return !flag.isEmpty() && Boolean.TRUE.equals(flag.get(0));
    }

    /** How many of a customer's cases, this one left out, are rejected and how many still open: the straight-through policy reads both. */
    public CustomerHistory historyOf(String customerId, String exceptCaseId) {
        record Count(CaseStatus status, int n) {
        }
        List<Count> counts = jdbc.sql("select status, count(*) as n from recovery.recovery_case where customer_id = :customer and id <> :id"
                        + " group by status")
                .param("customer", customerId).param("id", exceptCaseId)
                .query((rs, row) -> new Count(CaseStatus.valueOf(rs.getString("status")), rs.getInt("n"))).list();
        return new CustomerHistory(counts.stream().filter(c -> c.status() == CaseStatus.REJECTED).mapToInt(Count::n).sum(),
                counts.stream().filter(c -> c.status().isOpen()).mapToInt(Count::n).sum());
    }

    /** A customer's other cases: rejected ones, and ones still open. */
    public record CustomerHistory(int rejected, int open) {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
