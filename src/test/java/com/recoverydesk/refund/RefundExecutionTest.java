package com.recoverydesk.refund;

import static com.recoverydesk.support.DevnetContracts.GEM;
import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import com.recoverydesk.wallet.DepositAddressDirectory;
import com.recoverydesk.wallet.FeeTreasury;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/** Money moves: balances are read from the chain, not from our tables. */
class RefundExecutionTest extends IntegrationTest {


    @Autowired
    ChainClients chains;
    @Autowired
    IdentityService identity;
    @Autowired
    DepositAddressDirectory directory;
    @Autowired
    FeeTreasury treasury;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RefundSigning signing;
    @Autowired
    RefundLedger ledger;

    Api api;
    TestDeposits deposits;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        deposits = new TestDeposits(chains);
    }

    @AfterEach
    void nodeUp() {
        POLYGON_NODE.up();
    }

    @Test
    void aWrongNetworkUsdtRefundOnBscPaysTheUserAndTheTreasuryExactlyAndEmptiesTheDepositAddress() throws Exception {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        BigInteger amount = new BigInteger("1000000000000000000000"); // 1000 USDT with 18 decimals
        BigInteger treasuryBefore = tokenBalance("bsc", USDT, treasury.address());
        BigInteger nativeBefore = nativeBalance(chains.client("bsc"), deposit);
        String tx = deposits.sendToken("bsc", USDT, deposit, amount);
        deposits.mine("bsc", 15);

        String id = approved("carol", CaseFlow.form("WRONG_NETWORK", "bsc", tx, deposit, USDT, refundTo));
        JsonNode done = completed("carol", id, "bsc");
        leavesNoDustWorthASweep(id, "bsc", deposit, nativeBefore);

        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(fee).isEqualTo(new BigInteger("50000000000000000000")); // 5% of 1000 USD
        assertThat(tokenBalance("bsc", USDT, refundTo)).isEqualTo(amount.subtract(fee));
        assertThat(tokenBalance("bsc", USDT, treasury.address()).subtract(treasuryBefore)).isEqualTo(fee);
        assertThat(tokenBalance("bsc", USDT, deposit)).isZero();
        assertThat(done.get("transactions")).extracting(t -> t.get("purpose").asText() + ":" + t.get("status").asText())
                .contains("GAS_TOP_UP:CONFIRMED", "REFUND:CONFIRMED", "FEE:CONFIRMED")
                .allMatch(t -> t.endsWith(":CONFIRMED")).allMatch(t -> !t.startsWith("SWEEP") || t.equals("SWEEP:CONFIRMED"));
        assertThat(done.get("transactions")).allSatisfy(t -> assertThat(t.get("blockNumber").asLong()).isPositive());
        assertThat(done.get("timeline")).extracting(e -> e.get("event").asText()).contains("REFUNDED", "NOTIFIED");
    }

    @Test
    void anUnlistedTokenRefundOnEthereumPaysAmountLessTheValuedFee() throws Exception {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        BigInteger amount = new BigInteger("4000000000000000000000"); // 4000 GEM
        BigInteger treasuryBefore = tokenBalance("ethereum", GEM, treasury.address());
        BigInteger depositBefore = tokenBalance("ethereum", GEM, deposit);
        BigInteger nativeBefore = nativeBalance(chains.client("ethereum"), deposit);
        String tx = deposits.sendToken("ethereum", GEM, deposit, amount);
        deposits.mine("ethereum", 12);

        String id = approved("carol", CaseFlow.form("UNLISTED_TOKEN", "ethereum", tx, deposit, GEM, refundTo), "2000");
        JsonNode done = completed("carol", id, "ethereum");
        leavesNoDustWorthASweep(id, "ethereum", deposit, nativeBefore);

        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(fee).isEqualTo(new BigInteger("400000000000000000000")); // 10% of the 2000 USD valuation
        assertThat(tokenBalance("ethereum", GEM, refundTo)).isEqualTo(amount.subtract(fee));
        assertThat(tokenBalance("ethereum", GEM, treasury.address()).subtract(treasuryBefore)).isEqualTo(fee);
        assertThat(tokenBalance("ethereum", GEM, deposit)).isEqualTo(depositBefore);
    }

    @Test
    void aNativeCoinRefundSendsTheDepositLessFeeAndGas() throws Exception {
        String deposit = customer("dave", 8);
        String refundTo = CaseFlow.freshAddress();
        BigInteger amount = new BigInteger("2000000000000000000"); // 2 BNB = 1200 USD
        BigInteger treasuryBefore = nativeBalance(chains.client("bsc"), treasury.address());
        String tx = deposits.sendNative("bsc", deposit, amount);
        deposits.mine("bsc", 15);

        String id = approved("dave", CaseFlow.form("WRONG_NETWORK", "bsc", tx, deposit, null, refundTo));
        JsonNode done = completed("dave", id, "bsc");

        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(fee).isEqualTo(new BigInteger("100000000000000000")); // 5% of 1200 USD = 60 USD = 0.1 BNB
        BigInteger received = nativeBalance(chains.client("bsc"), refundTo);
        assertThat(received).isEqualTo(new BigInteger(transaction(done, "REFUND").get("amount").asText()));
        assertThat(received).isLessThan(amount.subtract(fee)).isGreaterThan(amount.subtract(fee).subtract(new BigInteger("10000000000000000")));
        assertThat(nativeBalance(chains.client("bsc"), treasury.address()).subtract(treasuryBefore)).isEqualTo(fee);
    }

    @Test
    void aNodeDownDuringTheRefundRaisesAnIncidentPaysNothingAndPaysOnceWhenRetried() throws Exception {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        String tx = deposits.sendNative("polygon", deposit, new BigInteger("1000000000000000000000")); // 1000 POL = 500 USD
        deposits.mine("polygon", 3);
        String id = inReview("carol", CaseFlow.form("WRONG_NETWORK", "polygon", tx, deposit, null, refundTo));
        // polygon is a conditional chain: approving confirms both its conditions
        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "APPROVE", "conditionsConfirmed", List.of("1", "2"))).status()).isEqualTo(200);
        POLYGON_NODE.down();

        decide("wendy", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE"));
        Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> rootIncident(id), i -> i != null);
        Web3j polygon = polygonDirect();
        assertThat(nativeBalance(polygon, refundTo)).isZero();
        assertThat(status("carol", id)).isEqualTo("REFUNDING");

        POLYGON_NODE.up();
        management.setJobRetries(incident.getConfiguration(), 3);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            deposits.mine("polygon", 2);
            assertThat(status("carol", id)).isEqualTo("COMPLETED");
        });

        JsonNode done = caseOf("carol", id);
        assertThat(nativeBalance(polygon, refundTo)).isEqualTo(new BigInteger(transaction(done, "REFUND").get("amount").asText()));
        assertThat(done.get("transactions")).hasSize(2);
        polygon.shutdown();
    }

    @Test
    void signingAgainAfterTheRefundAddsNothingAndPaysNothingMore() {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        BigInteger amount = new BigInteger("300000000000000000000");
        String tx = deposits.sendToken("bsc", USDT, deposit, amount);
        deposits.mine("bsc", 15);
        String id = approved("carol", CaseFlow.form("WRONG_NETWORK", "bsc", tx, deposit, USDT, refundTo));
        completed("carol", id, "bsc");
        List<RefundTransaction> before = ledger.of(id);
        BigInteger paid = tokenBalance("bsc", USDT, refundTo);

        signing.signTransfers(id);
        signing.signGasTopUp(id);
        deposits.mine("bsc", 20);

        assertThat(ledger.of(id)).isEqualTo(before);
        assertThat(tokenBalance("bsc", USDT, refundTo)).isEqualTo(paid);
    }

    @Test
    void twoSignersRacingBeforeAnythingIsStoredStoreOneRefundAndPayOnce() throws Exception {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        BigInteger amount = new BigInteger("400000000000000000000");
        String tx = deposits.sendToken("bsc", USDT, deposit, amount);
        deposits.mine("bsc", 15);
        String id = inReview("carol", CaseFlow.form("WRONG_NETWORK", "bsc", tx, deposit, USDT, refundTo));
        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "APPROVE")).status()).isEqualTo(200);

        List<Throwable> failures;
        try (HeldSigning held = holdSigning(id)) {
            assertThat(ledger.of(id)).filteredOn(t -> t.purpose() == Purpose.REFUND).isEmpty();
            failures = race(() -> signing.signTransfers(id), () -> signing.signTransfers(id));
        }
        JsonNode done = completed("carol", id, "bsc");

        // the second signer waits for the first one's lock on the deposit address, then finds the refund stored
        assertThat(failures).isEmpty();
        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(ledger.of(id)).filteredOn(t -> t.purpose() == Purpose.REFUND).hasSize(1);
        assertThat(ledger.of(id)).filteredOn(t -> t.purpose() == Purpose.FEE).hasSize(1);
        assertThat(tokenBalance("bsc", USDT, refundTo)).isEqualTo(amount.subtract(fee));
    }

    @Test
    void twoExecutorsRacingTheSigningJobPayOnce() throws Exception {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        BigInteger amount = new BigInteger("500000000000000000000");
        String tx = deposits.sendToken("bsc", USDT, deposit, amount);
        deposits.mine("bsc", 15);
        String id = inReview("carol", CaseFlow.form("WRONG_NETWORK", "bsc", tx, deposit, USDT, refundTo));
        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "APPROVE")).status()).isEqualTo(200);

        List<Throwable> failures;
        try (HeldSigning held = holdSigning(id)) {
            held.release();
            failures = race(() -> management.executeJob(held.job()), () -> management.executeJob(held.job()));
        }
        JsonNode done = completed("carol", id, "bsc");

        // a job is executed once: whoever comes second finds it gone or changed under it (the engine's own executor may win, too)
        assertThat(failures).allSatisfy(f -> assertThat(f).satisfiesAnyOf(
                lost -> assertThat(lost).isInstanceOf(org.camunda.bpm.engine.OptimisticLockingException.class),
                lost -> assertThat(lost).hasMessageContaining("No job found")));
        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(ledger.of(id)).filteredOn(t -> t.purpose() == Purpose.REFUND).hasSize(1);
        assertThat(tokenBalance("bsc", USDT, refundTo)).isEqualTo(amount.subtract(fee));
    }

    /** The refund's signing job of a case, created but held back (its job definition suspended) until closed. */
    private final class HeldSigning implements AutoCloseable {

        private final String definition;
        private final String job;

        HeldSigning(String definition, String job) {
            this.definition = definition;
            this.job = job;
        }

        String job() {
            return job;
        }

        void release() {
            management.activateJobDefinitionById(definition, true);
        }

        @Override
        public void close() {
            release();
        }
    }

    /** Approves the case in review as the wallet team and holds it where the refund is about to be signed. */
    private HeldSigning holdSigning(String id) {
        String definition = management.createJobDefinitionQuery().processDefinitionKey("refundExecution")
                .activityIdIn("signTransfers").singleResult().getId();
        management.suspendJobDefinitionById(definition);
        try {
            assertThat(decide("wendy", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
            String job = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                deposits.mine("bsc", 1);
                return runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).processDefinitionKey("refundExecution").list()
                        .stream()
                        .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).activityId("signTransfers").list().stream())
                        .map(org.camunda.bpm.engine.runtime.Job::getId).findFirst().orElse(null);
            }, j -> j != null);
            return new HeldSigning(definition, job);
        } catch (RuntimeException | AssertionError e) {
            management.activateJobDefinitionById(definition, true);
            throw e;
        }
    }

    /** Runs both at the same instant on two threads; what each threw, in no particular order (none: both returned). */
    private static List<Throwable> race(Runnable first, Runnable second) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> racers = new ArrayList<>();
        for (Runnable work : List.of(first, second)) {
            Thread racer = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    work.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            racer.start();
            racers.add(racer);
        }
        ready.await();
        go.countDown();
        for (Thread racer : racers) {
            racer.join(Duration.ofSeconds(60).toMillis());
            assertThat(racer.isAlive()).as("a racer still running after a minute").isFalse();
        }
        return failures;
    }

    // --- helpers -----------------------------------------------------------------------------

    /**
     * The deposit address keeps exactly what the case's gas top-ups left (from the receipts), and that is less
     * than a sweep's own gas: anything more was swept back to the gas station. Prints the figures for
     * docs/benchmark.md.
     */
    private void leavesNoDustWorthASweep(String id, String chain, String deposit, BigInteger nativeBefore) {
        List<RefundTransaction> sent = ledger.of(id);
        GasAccount gas = GasAccount.of(sent, deposit);
        BigInteger left = gas.leftOnDeposit();
        BigInteger price = sent.stream().filter(tx -> tx.purpose() == Purpose.REFUND).findFirst().orElseThrow().maxFeePerGas();
        try {
            assertThat(nativeBalance(chains.client(chain), deposit).subtract(nativeBefore)).isEqualTo(left);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(left).isNotNegative().isLessThanOrEqualTo(RefundSigning.NATIVE_TRANSFER_GAS.multiply(price));
        assertThat(caseOf("carol", id).get("timeline")).extracting(e -> e.get("event").asText()).contains("GAS_SPENT");
        System.out.println("GAS per refund on " + chain + ": transactions " + sent.size() + ", gas used " + gas.gasUsed() + ", native spent "
                + gas.spent() + " wei, topped up " + gas.toppedUp() + " wei, swept back " + gas.swept() + " wei, left behind " + left + " wei");
    }

    private String customer(String user, int accountIndex) {
        if (identity.createUserQuery().userId(user).count() == 0) {
            var u = identity.newUser(user);
            u.setPassword("demo");
            u.setEmail(user + "@demo.recoverydesk.example");
            identity.saveUser(u);
            identity.createMembership(user, "customers");
        }
        return directory.issue(user, accountIndex, Set.of("ethereum")).address();
    }



    private String approved(String user, Map<String, Object> form) {
        return approved(user, form, null);
    }

    private String approved(String user, Map<String, Object> form, String valuation) {
        String id = inReview(user, form);
        Map<String, Object> review = new HashMap<>(Map.of("decision", "APPROVE"));
        if (valuation != null) {
            review.put("valuationUsd", valuation);
        }
        assertThat(decide("sam", id, "REVIEW", review).status()).isEqualTo(200);
        assertThat(decide("wendy", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        return id;
    }

    private String inReview(String user, Map<String, Object> form) {
        Api.Answer filed = api.post(user, "/api/v1/cases", form);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String id = filed.body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(user, id)).isEqualTo("IN_REVIEW"));
        return id;
    }

    private JsonNode completed(String user, String id, String chain) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            deposits.mine(chain, 3);
            assertThat(status(user, id)).isEqualTo("COMPLETED");
        });
        return caseOf(user, id);
    }

    private String status(String user, String id) {
        return caseOf(user, id).get("status").asText();
    }

    private JsonNode caseOf(String user, String id) {
        return api.get(user, "/api/v1/cases/" + id).body();
    }

    private static JsonNode transaction(JsonNode theCase, String purpose) {
        for (JsonNode tx : theCase.get("transactions")) {
            if (tx.get("purpose").asText().equals(purpose)) {
                return tx;
            }
        }
        throw new AssertionError("no " + purpose + " transaction in " + theCase);
    }

    private Api.Answer decide(String user, String caseId, String kind, Map<String, Object> decision) {
        return CaseFlow.decide(api, user, caseId, kind, decision);
    }

    private Incident rootIncident(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .flatMap(p -> runtime.createIncidentQuery().processInstanceId(p.getId()).list().stream())
                .filter(i -> i.getId().equals(i.getRootCauseIncidentId()))
                .findFirst().orElse(null);
    }

    private BigInteger tokenBalance(String chain, String token, String holder) {
        return CaseFlow.tokenBalance(chains, chain, token, holder);
    }

    private static BigInteger nativeBalance(Web3j web3j, String holder) throws java.io.IOException {
        return web3j.ethGetBalance(holder, DefaultBlockParameterName.LATEST).send().getBalance();
    }
}
