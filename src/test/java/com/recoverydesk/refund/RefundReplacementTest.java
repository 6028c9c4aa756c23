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
import jakarta.mail.Address;
import jakarta.mail.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/**
 * Stuck refunds on real anvil nodes: a transfer priced under the chain's base fee is re-signed at its nonce with a
 * higher fee and the user is paid once; one dropped from the pool is sent again; one whose fee reaches the chain's
 * max-fee (chains-test.yml: 1000 gwei, replace-after-blocks 2) raises an incident and tells the wallet team, and is
 * still watched until it is mined.
 */
class RefundReplacementTest extends IntegrationTest {

    static final BigInteger GWEI = BigInteger.TEN.pow(9);

    @Autowired
    ChainClients chains;
    @Autowired
    IdentityService identity;
    @Autowired
    DepositAddressDirectory directory;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RefundLedger ledger;

    Api api;
    TestDeposits deposits;
    String heldDefinition;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        deposits = new TestDeposits(chains);
    }

    @AfterEach
    void chainsAsBefore() {
        if (heldDefinition != null) {
            management.activateJobDefinitionById(heldDefinition, true);
        }
        rpc("bsc", "evm_setAutomine", List.of(true));
        // empty blocks bring a jumped base fee back down (an eighth per block) for the tests that follow
        deposits.mine("ethereum", 80);
        deposits.mine("bsc", 80);
    }

    @Test
    void aRefundPricedUnderTheBaseFeeIsReplacedAtItsNonceAndPaysTheUserOnce() {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        BigInteger amount = new BigInteger("4000000000000000000000"); // 4000 GEM
        String id = heldBeforeBroadcastingTransfers(deposit, refundTo, amount);
        List<RefundTransaction> signed = ledger.of(id);
        RefundTransaction original = only(signed, Purpose.REFUND);

        // fees jump 100-fold above what the transfers offer: the node refuses them
        rpc("ethereum", "anvil_setNextBlockBaseFeePerGas", List.of(Numeric.encodeQuantity(GWEI.multiply(BigInteger.valueOf(100)))));
        release();
        JsonNode done = completed(id, "ethereum");

        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(CaseFlow.tokenBalance(chains, "ethereum", GEM, refundTo)).isEqualTo(amount.subtract(fee));
        List<RefundTransaction> refunds = ledger.of(id).stream().filter(tx -> tx.purpose() == Purpose.REFUND).toList();
        assertThat(refunds).hasSizeGreaterThanOrEqualTo(2).allSatisfy(tx -> assertThat(tx.nonce()).isEqualTo(original.nonce()));
        assertThat(refunds).filteredOn(tx -> tx.status() == RefundTransaction.Status.CONFIRMED).singleElement()
                .satisfies(mined -> {
                    assertThat(mined.attempt()).isPositive();
                    assertThat(mined.maxFeePerGas()).isGreaterThan(original.maxFeePerGas().multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN));
                    assertThat(mined.maxPriorityFeePerGas()).isGreaterThanOrEqualTo(original.maxPriorityFeePerGas());
                });
        assertThat(refunds).filteredOn(tx -> tx.status() != RefundTransaction.Status.CONFIRMED)
                .allSatisfy(tx -> assertThat(tx.status()).isEqualTo(RefundTransaction.Status.NOT_MINED));
        assertThat(done.get("transactions")).filteredOn(t -> t.get("purpose").asText().equals("REFUND"))
                .extracting(t -> t.get("status").asText()).contains("CONFIRMED", "NOT_MINED").containsOnlyOnce("CONFIRMED");
        assertThat(done.get("timeline")).extracting(e -> e.get("event").asText()).contains("REFUND_REPLACED", "REFUND_MINED", "REFUNDED");
        assertThat(rootIncident(id, CheckRefundDelegate.FEE_CAP_INCIDENT)).isNull();
    }

    @Test
    void aLegacyPricedRefundUnderTheBaseFeeIsReplacedWithAHigherGasPriceAndPaysOnce() {
        BigInteger amount = new BigInteger("250000000000000000000"); // 250 USDT, 18 decimals on bsc
        HeldRefund held = usdtRefundOnBscHeldBeforeBroadcast(amount);
        String id = held.caseId();
        String refundTo = held.refundTo();
        RefundTransaction original = only(ledger.of(id), Purpose.REFUND);
        assertThat(original.maxPriorityFeePerGas()).as("bsc prices legacy transactions").isNull();

        rpc("bsc", "anvil_setNextBlockBaseFeePerGas", List.of(Numeric.encodeQuantity(GWEI.multiply(BigInteger.valueOf(100)))));
        release();
        JsonNode done = completed(id, "bsc");

        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(CaseFlow.tokenBalance(chains, "bsc", USDT, refundTo)).isEqualTo(amount.subtract(fee));
        assertThat(ledger.of(id)).filteredOn(t -> t.purpose() == Purpose.REFUND && t.status() == RefundTransaction.Status.CONFIRMED)
                .singleElement().satisfies(mined -> {
                    assertThat(mined.nonce()).isEqualTo(original.nonce());
                    assertThat(mined.attempt()).isPositive();
                    assertThat(mined.maxPriorityFeePerGas()).isNull();
                    assertThat(mined.maxFeePerGas()).isGreaterThan(original.maxFeePerGas());
                });
        assertThat(done.get("timeline")).extracting(e -> e.get("event").asText()).contains("REFUND_REPLACED", "REFUND_MINED");
    }

    @Test
    void aRefundDroppedFromThePoolIsSentAgainAsTheSameBytes() {
        BigInteger amount = new BigInteger("300000000000000000000"); // 300 USDT, 18 decimals on bsc
        HeldRefund held = usdtRefundOnBscHeldBeforeBroadcast(amount);
        String id = held.caseId();
        String refundTo = held.refundTo();
        RefundTransaction refund = only(ledger.of(id), Purpose.REFUND);

        // the node takes the transfers into its pool but mines nothing, then forgets the refund
        rpc("bsc", "evm_setAutomine", List.of(false));
        release();
        await().atMost(Duration.ofSeconds(60)).until(() -> only(ledger.of(id), Purpose.REFUND).status() == RefundTransaction.Status.BROADCAST);
        rpc("bsc", "anvil_dropTransaction", List.of(refund.hash()));
        rpc("bsc", "evm_setAutomine", List.of(true));
        // no block is mined meanwhile, so the refund is not yet overdue for a replacement: it is only missing
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(caseOf(id).get("timeline"))
                .extracting(e -> e.get("event").asText()).contains("REFUND_RESENT"));
        JsonNode done = completed(id, "bsc");

        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(CaseFlow.tokenBalance(chains, "bsc", USDT, refundTo)).isEqualTo(amount.subtract(fee));
        assertThat(ledger.of(id)).filteredOn(t -> t.purpose() == Purpose.REFUND).singleElement().satisfies(sent -> {
            assertThat(sent.hash()).isEqualTo(refund.hash());
            assertThat(sent.raw()).isEqualTo(refund.raw());
            assertThat(sent.status()).isEqualTo(RefundTransaction.Status.CONFIRMED);
        });
        assertThat(done.get("timeline")).extracting(e -> e.get("event").asText()).contains("REFUND_RESENT").doesNotContain("REFUND_REPLACED");
    }

    @Test
    void aFeeCappedRefundRaisesAnIncidentTellsTheWalletTeamAndIsStillPaidOnceWhenFeesFall() throws Exception {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        BigInteger amount = new BigInteger("3000000000000000000000"); // 3000 GEM
        String id = heldBeforeBroadcastingTransfers(deposit, refundTo, amount);
        int mailsBefore = MAIL.received().size();

        // 50000 gwei: fifty times the chain's max-fee, so some 30 blocks pass before fees fall below it again
        rpc("ethereum", "anvil_setNextBlockBaseFeePerGas", List.of(Numeric.encodeQuantity(GWEI.multiply(BigInteger.valueOf(50_000)))));
        release();
        Incident incident = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            deposits.mine("ethereum", 1);
            return rootIncident(id, CheckRefundDelegate.FEE_CAP_INCIDENT);
        }, i -> i != null);

        assertThat(incident.getIncidentMessage()).contains("max-fee is 1000 gwei").contains(id);
        assertThat(status(id)).isEqualTo("REFUNDING");
        assertThat(CaseFlow.tokenBalance(chains, "ethereum", GEM, refundTo)).isZero();
        RefundTransaction capped = ledger.of(id).stream().filter(tx -> tx.purpose() == Purpose.REFUND && tx.isCurrent()).findFirst().orElseThrow();
        assertThat(capped.maxFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.valueOf(1000)));
        assertThat(caseOf(id).get("timeline")).extracting(e -> e.get("event").asText()).contains("FEE_CAP_REACHED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(MAIL.received().stream().skip(mailsBefore)
                .filter(m -> recipients(m).contains("wendy@demo.recoverydesk.example"))
                .map(RefundReplacementTest::subject)).contains("Refund fee cap reached on ethereum for case " + id));

        // fees fall below the cap: the capped transaction goes through, the incident is resolved
        JsonNode done = completed(id, "ethereum");
        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(CaseFlow.tokenBalance(chains, "ethereum", GEM, refundTo)).isEqualTo(amount.subtract(fee));
        assertThat(ledger.of(id)).filteredOn(tx -> tx.purpose() == Purpose.REFUND && tx.status() == RefundTransaction.Status.CONFIRMED).hasSize(1);
        assertThat(rootIncident(id, CheckRefundDelegate.FEE_CAP_INCIDENT)).isNull();
    }

    // --- helpers -----------------------------------------------------------------------------

    /** An unlisted-token deposit on ethereum, reviewed, approved, signed and held just before its transfers are broadcast. */
    /** Carol's USDT deposit on bsc, filed with a fresh refund address, approved, and held before its transfers go out. */
    private HeldRefund usdtRefundOnBscHeldBeforeBroadcast(BigInteger amount) {
        String deposit = customer("carol", 7);
        String refundTo = CaseFlow.freshAddress();
        String tx = deposits.sendToken("bsc", USDT, deposit, amount);
        deposits.mine("bsc", 15);
        String id = inReview(CaseFlow.form("WRONG_NETWORK", "bsc", tx, deposit, USDT, refundTo));
        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        holdBeforeBroadcastingTransfers(id, "bsc");
        return new HeldRefund(id, refundTo);
    }

    private record HeldRefund(String caseId, String refundTo) {
    }

    private String heldBeforeBroadcastingTransfers(String deposit, String refundTo, BigInteger amount) {
        String tx = deposits.sendToken("ethereum", GEM, deposit, amount);
        deposits.mine("ethereum", 12);
        String id = inReview(CaseFlow.form("UNLISTED_TOKEN", "ethereum", tx, deposit, GEM, refundTo));
        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "APPROVE", "valuationUsd", "2000")).status()).isEqualTo(200);
        holdBeforeBroadcastingTransfers(id, "ethereum");
        return id;
    }

    /** Approves the refund as the wallet team; its transfers are signed and stored, their broadcast waits for {@link #release()}. */
    private void holdBeforeBroadcastingTransfers(String id, String chain) {
        heldDefinition = management.createJobDefinitionQuery().processDefinitionKey("refundExecution")
                .activityIdIn("broadcastTransfers").singleResult().getId();
        management.suspendJobDefinitionById(heldDefinition);
        assertThat(decide("wendy", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deposits.mine(chain, 2);
            return runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).processDefinitionKey("refundExecution").list()
                    .stream().anyMatch(p -> management.createJobQuery().processInstanceId(p.getId()).activityId("broadcastTransfers").count() > 0);
        });
        assertThat(ledger.of(id)).extracting(RefundTransaction::purpose).contains(Purpose.REFUND, Purpose.FEE);
    }

    private void release() {
        management.activateJobDefinitionById(heldDefinition, true);
        heldDefinition = null;
    }

    private static RefundTransaction only(List<RefundTransaction> txs, Purpose purpose) {
        return txs.stream().filter(tx -> tx.purpose() == purpose).reduce((a, b) -> {
            throw new AssertionError("more than one " + purpose + ": " + txs);
        }).orElseThrow();
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



    private String inReview(Map<String, Object> form) {
        Api.Answer filed = api.post("carol", "/api/v1/cases", form);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String id = filed.body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(id)).isEqualTo("IN_REVIEW"));
        return id;
    }

    private JsonNode completed(String id, String chain) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            deposits.mine(chain, 3);
            assertThat(status(id)).isEqualTo("COMPLETED");
        });
        return caseOf(id);
    }

    private String status(String id) {
        return caseOf(id).get("status").asText();
    }

    private JsonNode caseOf(String id) {
        return api.get("carol", "/api/v1/cases/" + id).body();
    }

    private Api.Answer decide(String user, String caseId, String kind, Map<String, Object> decision) {
        return CaseFlow.decide(api, user, caseId, kind, decision);
    }

    private Incident rootIncident(String caseId, String type) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .flatMap(p -> runtime.createIncidentQuery().processInstanceId(p.getId()).incidentType(type).list().stream())
                .filter(i -> i.getId().equals(i.getRootCauseIncidentId())) // not its copy on the calling process
                .findFirst().orElse(null);
    }

    private void rpc(String chain, String method, List<?> params) {
        try {
            Response<?> answer = new Request<>(method, params, chains.service(chain), TestDeposits.Plain.class).send();
            assertThat(answer.hasError()).as(method + ": " + (answer.hasError() ? answer.getError().getMessage() : "")).isFalse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> recipients(Message message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
