package com.recoverydesk.verification;

import static com.recoverydesk.support.DevnetContracts.GEM;
import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.MutableClock;
import com.recoverydesk.support.TestDeposits;
import com.recoverydesk.chain.ChainClients;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/** From TXID to the review queue, or to a rejection with the right reason, on real anvil chains. */
class VerificationFlowTest extends IntegrationTest {

    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final String SIXTH_ACCOUNT = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";
    static final BigInteger USDT_ON_BSC = new BigInteger("250000000000000000000");

    @Autowired
    ChainClients chains;
    @Autowired
    TaskService tasks;
    @Autowired
    MutableClock clock;

    Api api;
    TestDeposits deposits;
    String alice;
    String bob;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        deposits = new TestDeposits(chains);
        alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        bob = api.get("bob", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
    }

    @Test
    void usdtSentOverBscToAnEthereumAddressReachesReviewWithVerifiedFacts() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
        deposits.mine("bsc", 15);

        String id = file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT);
        JsonNode reviewed = awaitStatus("alice", id, "IN_REVIEW");

        JsonNode facts = reviewed.get("facts");
        assertThat(facts.get("from").asText()).isEqualTo(TestDeposits.RICH);
        assertThat(facts.get("to").asText()).isEqualTo(alice);
        assertThat(facts.get("tokenContract").asText()).isEqualTo(USDT);
        assertThat(facts.get("symbol").asText()).isEqualTo("USDT");
        assertThat(facts.get("decimals").asInt()).isEqualTo(18);
        assertThat(facts.get("amount").isTextual()).isTrue();
        assertThat(facts.get("amount").asText()).isEqualTo("250000000000000000000");
        assertThat(facts.get("blockNumber").asLong()).isEqualTo(deposits.receipt("bsc", tx).getBlockNumber().longValueExact());
        assertThat(facts.get("logIndex").asInt()).isZero();
        assertThat(facts.get("confirmations").asLong()).isGreaterThanOrEqualTo(15);
        assertThat(reviewed.get("timeline")).extracting(e -> e.get("event").asText())
                .containsSubsequence("FILED", "VERIFYING", "DEPOSIT_CONFIRMED", "QUEUED_FOR_REVIEW");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup("appeals").count()).isOne();
    }

    @Test
    void theFilingIsAnsweredAlreadyVerifyingWithItsReceiptFirstOnTheTimeline() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
        deposits.mine("bsc", 15);

        Api.Answer filed = api.post("alice", "/api/v1/cases", form("WRONG_NETWORK", "bsc", tx, alice, USDT));

        // screening ran in the filing's transaction; the chain is read by the first job, after the answer
        // (the shared test application runs the recovery policy in dry-run: it decides and records, people still review)
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.body().get("status").asText()).isEqualTo("VERIFYING");
        assertThat(filed.body().get("timeline")).extracting(e -> e.get("event").asText() + " " + e.get("status").asText())
                .containsExactly("FILED SUBMITTED", "VERIFYING VERIFYING");
        JsonNode reviewed = awaitStatus("alice", filed.body().get("id").asText(), "IN_REVIEW");
        assertThat(reviewed.get("timeline")).extracting(e -> e.get("event").asText() + " " + e.get("status").asText())
                .containsExactly("FILED SUBMITTED", "VERIFYING VERIFYING", "DEPOSIT_CONFIRMED VERIFYING", "FEE_QUOTED VERIFYING",
                        "POLICY_DECIDED VERIFYING", "QUEUED_FOR_REVIEW IN_REVIEW");
    }

    @Test
    void aFilingTheScreeningRefusesIsAnsweredAlreadyRejected() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);

        Api.Answer filed = api.post("bob", "/api/v1/cases", form("WRONG_NETWORK", "bsc", tx, alice, USDT));

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.body().get("status").asText()).isEqualTo("REJECTED");
        assertThat(filed.body().get("reasonCode").asText()).isEqualTo("NOT_YOUR_DEPOSIT_ADDRESS");
        assertThat(filed.body().get("timeline")).extracting(e -> e.get("event").asText() + " " + e.get("status").asText())
                .containsExactly("FILED SUBMITTED", "VERIFYING VERIFYING", "REJECTED REJECTED", "NOTIFIED REJECTED");
    }

    @Test
    void anUnlistedTokenOnTheAddressesOwnChainReachesReview() {
        String tx = deposits.sendToken("ethereum", GEM, alice, new BigInteger("5000000000000000000000"));
        deposits.mine("ethereum", 12);

        String id = file("alice", "UNLISTED_TOKEN", "ethereum", tx, alice, GEM);
        JsonNode reviewed = awaitStatus("alice", id, "IN_REVIEW");

        assertThat(reviewed.get("facts").get("symbol").asText()).isEqualTo("GEM");
        assertThat(reviewed.get("timeline")).extracting(e -> e.get("event").asText()).contains("TOKEN_ASSESSED");
    }

    @Test
    void aRevertedTransactionIsRejectedAsFailed() {
        String tx = deposits.sendToken("bsc", USDT, alice, new BigInteger("10").pow(40));
        deposits.mine("bsc", 15);

        assertRejected(file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT), "TX_FAILED");
    }

    @Test
    void aDepositShortOfConfirmationsWaitsThenReachesReviewOnceTheChainMovesOn() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
        String id = file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(caseOf("alice", id).get("timeline"))
                .extracting(e -> e.get("event").asText()).contains("WAITING_FOR_CHAIN"));
        assertThat(caseOf("alice", id).get("status").asText()).isEqualTo("VERIFYING");
        deposits.mine("bsc", 15);

        awaitStatus("alice", id, "IN_REVIEW");
    }

    @Test
    void aDepositThatNeverReachesItsConfirmationsIsRejected() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);

        assertRejected(file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT), "NOT_ENOUGH_CONFIRMATIONS");
    }

    @Test
    void aTxidTheChainNeverHeardOfIsRejectedAfterWaiting() {
        String unknown = "0x" + UUID.randomUUID().toString().replace("-", "").repeat(2);

        assertRejected(file("alice", "WRONG_NETWORK", "bsc", unknown, alice, USDT), "TX_NOT_FOUND");
    }

    @Test
    void bobClaimingAlicesDepositIsRejectedAndAlicesOwnClaimStillReachesReview() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
        deposits.mine("bsc", 15);

        assertRejected(file("bob", "WRONG_NETWORK", "bsc", tx, alice, USDT), "NOT_YOUR_DEPOSIT_ADDRESS");
        awaitStatus("alice", file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT), "IN_REVIEW");
    }

    @Test
    void anAddressTheExchangeNeverIssuedIsRejected() {
        String stranger = "0x000000000000000000000000000000000000dEaD";
        String tx = deposits.sendToken("bsc", USDT, stranger, USDT_ON_BSC);

        assertRejected(file("alice", "WRONG_NETWORK", "bsc", tx, stranger, USDT), "NOT_A_DEPOSIT_ADDRESS");
    }

    @Test
    void aTransactionThatPaidSomeoneElseIsRejected() {
        String tx = deposits.sendToken("bsc", USDT, REFUND, USDT_ON_BSC);
        deposits.mine("bsc", 15);

        assertRejected(file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT), "NO_TRANSFER_TO_ADDRESS");
    }

    @Test
    void aDepositTheExchangeCreditedIsRejected() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
        deposits.mine("bsc", 15);
        Map<String, Object> credit = Map.of("chain", "bsc", "txHash", tx, "logIndex", 0, "depositAddress", alice,
                "tokenContract", USDT, "amount", USDT_ON_BSC.toString());
        assertThat(api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", List.of(credit))).status()).isEqualTo(200);

        assertRejected(file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT), "ALREADY_CREDITED");
    }

    @Test
    void aDepositOlderThanTheChainAllowsIsRejected() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
        deposits.mine("bsc", 15);
        clock.advance(Duration.ofDays(400));
        try {
            assertRejected(file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT), "DEPOSIT_TOO_OLD");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aDenylistedTokenIsRejected() {
        String token = deposits.deploy("ethereum", "FixtureToken", null, SIXTH_ACCOUNT);
        assertThat(token).isEqualToIgnoringCase("0x0116686E2291dbd5e317F47faDBFb43B599786Ef");
        String tx = deposits.call("ethereum", SIXTH_ACCOUNT, token, transfer(alice, BigInteger.TEN.pow(21)));
        deposits.mine("ethereum", 12);

        assertRejected(file("alice", "UNLISTED_TOKEN", "ethereum", tx, alice, "0x0116686E2291dbd5e317F47faDBFb43B599786Ef"),
                "TOKEN_DENYLISTED");
    }

    @Test
    void aContractThatIsNotAnErc20IsRejected() {
        String emitter = deposits.deploy("ethereum", "TransferEmitter", null, TestDeposits.RICH);
        String tx = deposits.call("ethereum", TestDeposits.RICH, emitter, FunctionEncoder.encode(
                new Function("emitTransfer", List.<Type>of(new Address(alice), new Uint256(BigInteger.TEN.pow(24))), List.of())));
        deposits.mine("ethereum", 12);

        assertRejected(file("alice", "UNLISTED_TOKEN", "ethereum", tx, alice, checksum(emitter)), "NOT_AN_ERC20");
    }

    @Test
    void aTokenWhoseTransferRevertsIsRejected() {
        String frozen = deposits.deploy("ethereum", "FrozenToken", null, TestDeposits.RICH);
        String tx = deposits.call("ethereum", TestDeposits.RICH, frozen, FunctionEncoder.encode(
                new Function("mint", List.<Type>of(new Address(alice), new Uint256(BigInteger.TEN.pow(24))), List.of())));
        deposits.mine("ethereum", 12);

        assertRejected(file("alice", "UNLISTED_TOKEN", "ethereum", tx, alice, checksum(frozen)), "TRANSFER_SIMULATION_FAILED");
    }

    @Test
    void aChainTheExchangeCannotRecoverFromIsRejected() {
        assertRejected(file("alice", "WRONG_NETWORK", "tron", "0x" + "12".repeat(32), alice, null), "CHAIN_UNSUPPORTED");
    }

    @Test
    void aListedTokenOnItsRightChainIsTheWrongKindOfCase() {
        String tx = deposits.sendToken("ethereum", USDT, alice, BigInteger.valueOf(250_000_000));
        deposits.mine("ethereum", 12);

        assertRejected(file("alice", "UNLISTED_TOKEN", "ethereum", tx, alice, USDT), "WRONG_CASE_TYPE");
    }

    @Test
    void theCallersSecondOpenCaseForOneTxidIsAConflictNamingTheFirst() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
        String first = file("alice", "WRONG_NETWORK", "bsc", tx, alice, USDT);

        Api.Answer second = api.post("alice", "/api/v1/cases", form("WRONG_NETWORK", "bsc", tx, alice, USDT));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.body().get("caseId").asText()).isEqualTo(first);
        deposits.mine("bsc", 15);
        awaitStatus("alice", first, "IN_REVIEW");
    }

    @Test
    void anotherCustomerCannotSeeACaseByItsId() {
        String id = file("alice", "WRONG_NETWORK", "tron", "0x" + "34".repeat(32), alice, null);

        Api.Answer asBob = api.get("bob", "/api/v1/cases/" + id);

        assertThat(asBob.status()).isEqualTo(404);
        assertThat(asBob.body().toString()).doesNotContain(alice);
        assertThat(api.getAll("bob", "/api/v1/cases")).noneSatisfy(c -> assertThat(c.get("id").asText()).isEqualTo(id));
    }

    // --- helpers -----------------------------------------------------------------------------

    String file(String user, String type, String chain, String tx, String deposit, String token) {
        Api.Answer answer = api.post(user, "/api/v1/cases", form(type, chain, tx, deposit, token));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        assertThat(answer.location()).endsWith("/api/v1/cases/" + answer.body().get("id").asText());
        return answer.body().get("id").asText();
    }

    static Map<String, Object> form(String type, String chain, String tx, String deposit, String token) {
        return CaseFlow.form(type, chain, tx, deposit, token, REFUND);
    }

    JsonNode caseOf(String user, String id) {
        return api.get(user, "/api/v1/cases/" + id).body();
    }

    JsonNode awaitStatus(String user, String id, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(caseOf(user, id).get("status").asText()).isEqualTo(status));
        return caseOf(user, id);
    }

    void assertRejected(String id, String reasonCode) {
        JsonNode rejected = awaitStatus("alice".equals(ownerOf(id)) ? "alice" : "bob", id, "REJECTED");
        assertThat(rejected.get("reasonCode").asText()).isEqualTo(reasonCode);
        assertThat(rejected.get("reasonMessage").asText()).isNotBlank();
        assertThat(rejected.get("timeline")).filteredOn(e -> e.get("event").asText().equals("REJECTED")).singleElement().satisfies(e -> {
            assertThat(e.get("status").asText()).isEqualTo("REJECTED");
            assertThat(e.get("reasonCode").asText()).isEqualTo(reasonCode);
            assertThat(e.get("actor").asText()).isEqualTo("system");
        });
        assertThat(rejected.get("timeline")).last().satisfies(e -> assertThat(e.get("event").asText()).isEqualTo("NOTIFIED"));
    }

    private String ownerOf(String id) {
        return api.get("alice", "/api/v1/cases/" + id).status() == 200 ? "alice" : "bob";
    }

    static String transfer(String to, BigInteger amount) {
        return FunctionEncoder.encode(new Function("transfer", List.<Type>of(new Address(to), new Uint256(amount)), List.of()));
    }

    static String checksum(String address) {
        return org.web3j.crypto.Keys.toChecksumAddress(address);
    }
}
