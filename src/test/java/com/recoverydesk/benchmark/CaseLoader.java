package com.recoverydesk.benchmark;

import com.recoverydesk.cases.CaseProcess;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.web3j.crypto.Keys;

/**
 * Fills the application's tables with a year's (two years') worth of cases of realistic shape, straight through SQL in
 * batches: finished cases with their timelines, claims, notifications and refund transactions, spread over many
 * customers (one of them, {@code alice}, a heavy one) and over two years; then open cases waiting in review and in
 * approval, whose process instances are started through the engine's own API, before the task they wait in, so the
 * engine's tables hold exactly what it would have written.
 */
final class CaseLoader {

    private static final String[] FINISHED = {"COMPLETED", "REJECTED", "CLOSED_NO_REPLY", "CANCELLED"};
    /** Of 100 finished cases: 55 completed, 35 rejected, 5 closed without reply, 5 cancelled. */
    private static final int[] FINISHED_WEIGHTS = {55, 35, 5, 5};
    private static final int BATCH = 500;
    static final String HEAVY_CUSTOMER = "alice";
    private static final int HEAVY_CUSTOMER_CASES = 500;

    private final ConnectionSource connections;
    private final Instant now;
    private final AtomicLong nonce = new AtomicLong();

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    CaseLoader(ConnectionSource connections, Instant now) {
        this.connections = connections;
        this.now = now;
    }

    /**
     * On H2, two settings that serve a running desk make a bulk load write the same pages over and over: an identity column
     * flushes its sequence to the file every 32 values (its cache), and with WRITE_DELAY=0 every commit writes each page it
     * touched anew (the cases' indexes are keyed by random ids, so a batch touches pages all over them, and a million cases
     * wrote the file faster than the disk could give it space). While loading, the cache is large and the store writes at
     * most once a second; afterwards both are put back, so that what is measured runs as configured. (PostgreSQL's
     * sequence cache is per session, and larger values there would let two connections hand out timeline ids out of time
     * order; its commits write only the log: left alone.)
     */
    void bulkLoading(boolean on) throws SQLException {
        try (Connection connection = connections.open(); Statement sql = connection.createStatement()) {
            if (!connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                return;
            }
            for (String table : List.of("case_event", "notification_outbox", "refund_transaction")) {
                sql.execute("alter table recovery." + table + " alter column id set cache " + (on ? 10_000 : 32));
            }
            sql.execute("set write_delay " + (on ? 1000 : 0));
            sql.execute("set retention_time " + (on ? 0 : 45_000));
        }
    }

    /** Loads {@code count} finished cases on {@code threads} threads; returns the rows written (all tables). */
    long loadFinished(int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            int customers = Math.max(1, count / 5);
            for (int t = 0; t < threads; t++) {
                int first = (int) ((long) count * t / threads);
                int last = (int) ((long) count * (t + 1) / threads);
                long seed = 7919L * (t + 1);
                parts.add(pool.submit(() -> loadFinished(first, last, customers, seed)));
            }
            long rows = 0;
            for (Future<Long> part : parts) {
                rows += part.get();
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private long loadFinished(int first, int last, int customers, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        long rows = 0;
        try (Connection connection = connections.open(); Statements sql = new Statements(connection)) {
            connection.setAutoCommit(false);
            for (int i = first; i < last; i++) {
                String customer = i < HEAVY_CUSTOMER_CASES ? HEAVY_CUSTOMER : customerName(random.nextInt(customers));
                String status = FINISHED[weighted(random)];
                Instant created = now.minus(Duration.ofMinutes(random.nextLong(2 * 365 * 24 * 60L)));
                Instant updated = min(created.plus(Duration.ofMinutes(60 + random.nextLong(10 * 24 * 60L))), now);
                rows += sql.finishedCase(random, customer, status, created, updated);
                if ((i - first + 1) % BATCH == 0) {
                    sql.flush();
                    connection.commit();
                }
            }
            sql.flush();
            connection.commit();
        }
        return rows;
    }

    /**
     * Loads {@code count} open cases, about seven in ten waiting in review and the rest in approval, and starts each one's
     * process instance before its task through the engine.
     */
    void loadOpen(int count, RuntimeService runtime, int threads) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        List<String[]> open = new ArrayList<>();
        try (Connection connection = connections.open(); Statements sql = new Statements(connection)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String status = random.nextInt(10) < 7 ? "IN_REVIEW" : "AWAITING_APPROVAL";
                Instant created = now.minus(Duration.ofMinutes(random.nextLong(14 * 24 * 60L)));
                open.add(new String[] {sql.openCase(random, customerName(random.nextInt(Math.max(1, count))), status, created), status});
                if ((i + 1) % BATCH == 0) {
                    sql.flush();
                    connection.commit();
                }
            }
            sql.flush();
            connection.commit();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (String[] c : open) {
                started.add(pool.submit(() -> start(runtime, c[0], c[1])));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void start(RuntimeService runtime, String caseId, String status) {
        boolean review = status.equals("IN_REVIEW");
        // the review and approval tasks live in the shared called process; an open case's task is its task
        runtime.createProcessInstanceByKey(CaseProcess.RESOLUTION).businessKey(caseId)
                .setVariables(review ? Map.of(CaseProcess.CASE_ID, caseId)
                        : Map.of(CaseProcess.CASE_ID, caseId, CaseProcess.REVIEWER, "sara",
                                CaseProcess.REVIEW_DECISION, "APPROVE", CaseProcess.SECOND_APPROVAL_NEEDED, false))
                .startBeforeActivity(review ? CaseProcess.REVIEW_TASK : CaseProcess.APPROVAL_TASK)
                .execute();
    }

    /** Lets the query planner see the loaded data (both H2 and PostgreSQL keep statistics updated by ANALYZE). */
    void analyze() throws SQLException {
        try (Connection connection = connections.open(); Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE");
        }
    }

    static String customerName(int n) {
        return String.format("cust%07d", n);
    }

    private static int weighted(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < FINISHED_WEIGHTS.length; i++) {
            roll -= FINISHED_WEIGHTS[i];
            if (roll < 0) {
                return i;
            }
        }
        return 0;
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One deposit address per customer, the same every run: the EIP-55 form of a hash of the name. */
    static String depositAddressOf(String customer) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(customer.getBytes(StandardCharsets.UTF_8));
            return Keys.toChecksumAddress(HexFormat.of().formatHex(hash, 0, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomAddress(SplittableRandom random) {
        return Keys.toChecksumAddress(hex(random, 20));
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The prepared batches of one loading thread. */
    private final class Statements implements AutoCloseable {

        private final PreparedStatement cases;
        private final PreparedStatement events;
        private final PreparedStatement outbox;
        private final PreparedStatement refunds;

        Statements(Connection connection) throws SQLException {
            cases = connection.prepareStatement("""
                    insert into recovery.recovery_case (id, customer_id, type, status, chain, tx_hash, deposit_address, token_contract,
                        refund_address, reason_code, reason_message, open_key, claim_key, fact_from, fact_to, fact_token_contract, fact_symbol,
                        fact_decimals, fact_amount, fact_block_number, fact_log_index, fact_confirmations, fact_block_time, fee_amount,
                        fee_usd, value_usd, fee_rule, created_at, updated_at)
                    values (?, ?, 'WRONG_NETWORK', ?, 'bsc', ?, ?, '0x55d398326f99059fF775485246999027B3197955', ?, ?, ?, ?, ?, ?, ?,
                        '0x55d398326f99059fF775485246999027B3197955', 'USDT', 18, ?, ?, ?, 20, ?, ?, ?, ?, ?, ?, ?)""");
            events = connection.prepareStatement(
                    "insert into recovery.case_event (case_id, at, actor, event, status, reason_code, message) values (?, ?, ?, ?, ?, ?, ?)");
            outbox = connection.prepareStatement("""
                    insert into recovery.notification_outbox (case_id, recipient, subject, body, created_at, attempts, next_attempt_at, sent_at)
                    values (?, ?, ?, ?, ?, 1, ?, ?)""");
            refunds = connection.prepareStatement("""
                    insert into recovery.refund_transaction (case_id, chain, purpose, from_address, to_address, token_contract, amount, nonce,
                        gas_limit, max_fee_per_gas, raw, hash, status, block_number, created_at, updated_at)
                    values (?, 'bsc', ?, ?, ?, '0x55d398326f99059fF775485246999027B3197955', ?, ?, 65000, 3000000000, ?, ?, 'CONFIRMED', ?, ?, ?)""");
        }

        long finishedCase(SplittableRandom random, String customer, String status, Instant created, Instant updated) throws SQLException {
            String id = UUID.randomUUID().toString();
            String tx = "0x" + hex(random, 32);
            String deposit = depositAddressOf(customer);
            String refundTo = randomAddress(random);
            String from = random.nextBoolean() ? refundTo : randomAddress(random);
            BigInteger amount = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10 + random.nextInt(20_000)));
            BigInteger fee = amount.divide(BigInteger.valueOf(20));
            long block = 30_000_000L + random.nextInt(20_000_000);
            boolean verified = !status.equals("CANCELLED") || random.nextBoolean();
            String reason = status.equals("REJECTED") ? (random.nextBoolean() ? "REJECTED_BY_REVIEW" : "ALREADY_CREDITED") : null;
            row(id, customer, status, tx, deposit, refundTo, reason, null, status.equals("COMPLETED") ? "bsc|" + tx + "|0" : null,
                    verified ? from : null, amount, block, fee, created, updated);
            long rows = 1;
            List<String[]> timeline = new ArrayList<>();
            timeline.add(new String[] {"customer", "FILED", "SUBMITTED", null, "Case received."});
            timeline.add(new String[] {"system", "VERIFYING", "VERIFYING", null, "Reading the deposit from bsc."});
            switch (status) {
                case "COMPLETED" -> {
                    timeline.add(new String[] {"system", "DEPOSIT_CONFIRMED", "VERIFYING", null, "Deposit of " + amount + " USDT confirmed in block " + block + "."});
                    timeline.add(new String[] {"system", "FEE_QUOTED", "VERIFYING", null, "Fee 5% (min 5 USD, max 500 USD)."});
                    timeline.add(new String[] {"system", "QUEUED_FOR_REVIEW", "IN_REVIEW", null, "Eligible; waiting for an appeals specialist."});
                    timeline.add(new String[] {"sam", "REVIEW_APPROVED", "AWAITING_APPROVAL", null, "Approved by the appeals review."});
                    timeline.add(new String[] {"wendy", "REFUND_APPROVED", "REFUNDING", null, "Refund approved by the wallet team."});
                    timeline.add(new String[] {"system", "COMPLETED", "COMPLETED", null, "Refund confirmed on bsc."});
                    timeline.add(new String[] {"system", "NOTIFIED", "COMPLETED", null, "E-mail sent: refunded."});
                    for (String purpose : new String[] {"REFUND", "FEE"}) {
                        refunds.setString(1, id);
                        refunds.setString(2, purpose);
                        refunds.setString(3, deposit);
                        refunds.setString(4, purpose.equals("REFUND") ? refundTo : "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955");
                        refunds.setBigDecimal(5, new java.math.BigDecimal(purpose.equals("REFUND") ? amount.subtract(fee) : fee));
                        refunds.setLong(6, nonce.incrementAndGet());
                        refunds.setString(7, "0x02f8b1" + hex(random, 176));
                        refunds.setString(8, "0x" + hex(random, 32));
                        refunds.setLong(9, block + 1000);
                        refunds.setObject(10, utc(updated.minusSeconds(600)));
                        refunds.setObject(11, utc(updated));
                        refunds.addBatch();
                        rows++;
                    }
                }
                case "REJECTED" -> timeline.add(new String[] {reason.equals("REJECTED_BY_REVIEW") ? "sam" : "system",
                        reason.equals("REJECTED_BY_REVIEW") ? "REVIEW_REJECTED" : "REJECTED", "REJECTED", reason, "Rejected: " + reason + "."});
                case "CLOSED_NO_REPLY" -> {
                    timeline.add(new String[] {"sam", "REVIEW_ASKED", "INFO_REQUESTED", null, "Please show that you own the sending wallet."});
                    timeline.add(new String[] {"system", "CLOSED_NO_REPLY", "CLOSED_NO_REPLY", null, "No reply within 14 days."});
                }
                default -> timeline.add(new String[] {"customer", "CANCELLED", "CANCELLED", null, "Withdrawn by the customer."});
            }
            if (!status.equals("COMPLETED") && !status.equals("CANCELLED")) {
                timeline.add(new String[] {"system", "NOTIFIED", status, null, "E-mail sent."});
            }
            for (int e = 0; e < timeline.size(); e++) {
                String[] entry = timeline.get(e);
                Instant at = e == timeline.size() - 1 ? updated : created.plusSeconds(e * 5L);
                event(id, at, entry);
                rows++;
                if (entry[1].equals("NOTIFIED")) {
                    outbox.setString(1, id);
                    outbox.setString(2, customer + "@example.com");
                    outbox.setString(3, "Your recovery case: " + status);
                    outbox.setString(4, "Hello, your case " + id + " is now " + status + ".");
                    outbox.setObject(5, utc(at));
                    outbox.setObject(6, utc(at));
                    outbox.setObject(7, utc(at));
                    outbox.addBatch();
                    rows++;
                }
            }
            return rows;
        }

        String openCase(SplittableRandom random, String customer, String status, Instant created) throws SQLException {
            String id = UUID.randomUUID().toString();
            String tx = "0x" + hex(random, 32);
            String refundTo = randomAddress(random);
            BigInteger amount = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10 + random.nextInt(20_000)));
            long block = 50_000_000L + random.nextInt(1_000_000);
            row(id, customer, status, tx, depositAddressOf(customer), refundTo, null, customer + "|bsc|" + tx, "bsc|" + tx + "|0",
                    randomAddress(random), amount, block, amount.divide(BigInteger.valueOf(20)), created, created.plusSeconds(20));
            event(id, created, new String[] {"customer", "FILED", "SUBMITTED", null, "Case received."});
            event(id, created.plusSeconds(5), new String[] {"system", "DEPOSIT_CONFIRMED", "VERIFYING", null, "Deposit confirmed."});
            event(id, created.plusSeconds(10), new String[] {"system", "QUEUED_FOR_REVIEW", "IN_REVIEW", null, "Eligible."});
            if (status.equals("AWAITING_APPROVAL")) {
                event(id, created.plusSeconds(20), new String[] {"sara", "REVIEW_APPROVED", "AWAITING_APPROVAL", null, "Approved by review."});
            }
            return id;
        }

        private void row(String id, String customer, String status, String tx, String deposit, String refundTo, String reason, String openKey,
                String claimKey, String from, BigInteger amount, long block, BigInteger fee, Instant created, Instant updated) throws SQLException {
            int p = 1;
            cases.setString(p++, id);
            cases.setString(p++, customer);
            cases.setString(p++, status);
            cases.setString(p++, tx);
            cases.setString(p++, deposit);
            cases.setString(p++, refundTo);
            cases.setString(p++, reason);
            cases.setString(p++, reason == null ? null : "The case was rejected: " + reason + ".");
            cases.setString(p++, openKey);
            cases.setString(p++, claimKey);
            cases.setString(p++, from);
            cases.setString(p++, from == null ? null : deposit);
            cases.setBigDecimal(p++, from == null ? null : new java.math.BigDecimal(amount));
            if (from == null) {
                cases.setNull(p++, java.sql.Types.BIGINT);
                cases.setNull(p++, java.sql.Types.INTEGER);
                cases.setNull(p++, java.sql.Types.TIMESTAMP);
                cases.setNull(p++, java.sql.Types.NUMERIC);
                cases.setNull(p++, java.sql.Types.NUMERIC);
                cases.setNull(p++, java.sql.Types.NUMERIC);
                cases.setString(p++, null);
            } else {
                cases.setLong(p++, block);
                cases.setInt(p++, 0);
                cases.setObject(p++, utc(created.minusSeconds(120)));
                cases.setBigDecimal(p++, new java.math.BigDecimal(fee));
                java.math.BigDecimal usd = new java.math.BigDecimal(amount).movePointLeft(18);
                cases.setBigDecimal(p++, usd.movePointLeft(2).multiply(java.math.BigDecimal.valueOf(5)));
                cases.setBigDecimal(p++, usd);
                cases.setString(p++, "5% of the deposit, at least 5 USD, at most 500 USD");
            }
            cases.setObject(p++, utc(created));
            cases.setObject(p, utc(updated));
            cases.addBatch();
        }

        private void event(String caseId, Instant at, String[] entry) throws SQLException {
            events.setString(1, caseId);
            events.setObject(2, utc(at));
            events.setString(3, entry[0]);
            events.setString(4, entry[1]);
            events.setString(5, entry[2]);
            events.setString(6, entry[3]);
            events.setString(7, entry[4]);
            events.addBatch();
        }

        /** Cases first: the others reference them. */
        void flush() throws SQLException {
            cases.executeBatch();
            events.executeBatch();
            outbox.executeBatch();
            refunds.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            cases.close();
            events.close();
            outbox.close();
            refunds.close();
        }
    }
}
