package com.recoverydesk.policy;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.ChildApplication;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;

/**
 * Straight-through recovery switched on, with real deposits on the test's anvil chains. The shared test context runs
 * the shipped default, dry-run, so that every other test's cases still reach people; switching the mode on needs an
 * application of its own, which also gives the caps and the customers' histories a fresh database, so each row's
 * outcome here does not depend on which tests ran before. Hence a {@link ChildApplication} (H2 in memory, the test
 * chains), started once for the class. The tests run in order: the caps and the histories they build carry over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StraightThroughTest extends IntegrationTest {

    static final String ELSEWHERE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final Path SHIPPED_TABLE = Path.of("bpmn/recovery-policy.dmn");

    static ChildApplication child;

    @Autowired
    ChainClients chains;

    Api api;
    TestDeposits deposits;
    String alice;
    String bob;

    @BeforeEach
    void setUp() throws IOException {
        // started here, not in @BeforeAll: the test chains come up with the shared context, which exists only now
        if (child == null) {
            Map<String, String> settings = ChildApplication.onTestChains("jdbc:h2:mem:straight-through;DB_CLOSE_DELAY=-1", "sa");
            settings.put("recovery.straight-through.mode", "on");
            Path logs = Files.createDirectories(Path.of("target/straight-through"));
            child = ChildApplication.start(settings, logs.resolve("child.log"));
        }
        api = new Api(child.baseUrl());
        deposits = new TestDeposits(chains);
        alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        bob = api.get("bob", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
    }

    @AfterAll
    static void stop() {
        if (child != null) {
            child.close();
            child = null;
        }
    }

    @Test
    @Order(1)
    void racingCasesUnderACapThatOnlyOneFitsUnderOneGoesStraightThroughAndTheOtherToPeople() throws Exception {
        // given a table redeployed with a global cap of 500 USD and nothing refunded automatically yet
        deployTable(shippedTable().replace("&gt; 50000", "&gt; 500").replace("&lt;= 50000", "&lt;= 500"));
        String aliceTx = deposit("arbitrum", alice, usdt6(300));
        String bobTx = deposit("arbitrum", bob, usdt6(300));

        // when both cases are filed at once and reach the table together
        CompletableFuture<String> aliceCase = CompletableFuture.supplyAsync(() -> fileToSender("alice", aliceTx, alice));
        CompletableFuture<String> bobCase = CompletableFuture.supplyAsync(() -> fileToSender("bob", bobTx, bob));
        String a = aliceCase.get();
        String b = bobCase.get();
        JsonNode aliceDecided = awaitPolicy("alice", a);
        JsonNode bobDecided = awaitPolicy("bob", b);

        // then exactly one fits: 300 then 600 against a cap of 500
        List<JsonNode> both = List.of(aliceDecided, bobDecided);
        assertThat(both).extracting(c -> c.get("policy").get("route").asText()).containsExactlyInAnyOrder("AUTO_APPROVE", "REVIEW");
        JsonNode held = both.stream().filter(c -> c.get("policy").get("route").asText().equals("REVIEW")).findFirst().orElseThrow();
        JsonNode through = both.stream().filter(c -> c.get("policy").get("route").asText().equals("AUTO_APPROVE")).findFirst().orElseThrow();
        assertThat(held.get("policy").get("rule").asText()).isEqualTo("global-daily-cap");
        assertThat(held.get("policy").get("version").asInt()).isEqualTo(2);
        String heldUser = held == aliceDecided ? "alice" : "bob";
        String throughUser = through == aliceDecided ? "alice" : "bob";
        awaitStatus(heldUser, held.get("id").asText(), "IN_REVIEW");
        awaitCompleted(throughUser, through.get("id").asText());

        // the held case leaves; the shipped table comes back for the tests that follow
        cancel(heldUser, held.get("id").asText());
        deployTable(shippedTable());
    }

    @Test
    @Order(2)
    void aCleanCaseIsRefundedWithNoPersonInvolved() throws Exception {
        String tx = deposit("arbitrum", alice, usdt6(300));
        BigInteger before = CaseFlow.tokenBalance(chains, "arbitrum", USDT, TestDeposits.RICH);

        String id = fileToSender("alice", tx, alice);
        JsonNode done = awaitCompleted("alice", id);

        JsonNode policy = done.get("policy");
        assertThat(policy.get("decision").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(policy.get("route").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(policy.get("rule").asText()).isEqualTo("clean-listed-direct-to-sender");
        assertThat(policy.get("version").asInt()).isEqualTo(3);
        assertThat(policy.get("mode").asText()).isEqualTo("on");
        assertThat(done.get("timeline")).anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("policy");
            assertThat(e.get("event").asText()).isEqualTo("POLICY_DECIDED");
            assertThat(e.get("message").asText()).isEqualTo("AUTO_APPROVE by rule clean-listed-direct-to-sender of recoveryPolicy version 3"
                    + " (mode on). Refunded with no person involved; 300 USD reserved against the daily caps.");
        });
        assertThat(done.get("timeline")).anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("policy");
            assertThat(e.get("event").asText()).isEqualTo("APPROVED_BY_POLICY");
            assertThat(e.get("status").asText()).isEqualTo("REFUNDING");
        });
        // nobody reviewed or approved: no person on the timeline after filing, no task ever created
        assertThat(done.get("timeline")).extracting(e -> e.get("actor").asText()).containsOnly("alice", "system", "policy");
        assertThat(engine("/history/task?processInstanceBusinessKey=" + id)).isEmpty();
        // the refund reached the sender: 300 less the 20 USDT minimum fee
        assertThat(CaseFlow.tokenBalance(chains, "arbitrum", USDT, TestDeposits.RICH).subtract(before))
                .isEqualTo(usdt6(280));
        // Cockpit's decision instance: the table's version, the inputs it read and the rule that matched
        JsonNode decision = decisionInstance(id);
        assertThat(decision.get("decisionDefinitionKey").asText()).isEqualTo("recoveryPolicy");
        assertThat(decision.get("activityId").asText()).isEqualTo("decidePolicy");
        assertThat(output(decision, "rule")).isEqualTo("clean-listed-direct-to-sender");
        assertThat(input(decision, "Refund goes to the sender")).isEqualTo("true");
        assertThat(input(decision, "Value in USD at the case's price")).isEqualTo("300");
    }

    @Test
    @Order(3)
    void aCaseAboveTheValueLimitGoesToPeople() {
        String id = fileToSender("alice", deposit("arbitrum", alice, usdt6(1500)), alice);

        JsonNode held = awaitStatus("alice", id, "IN_REVIEW");

        assertThat(held.get("policy").get("decision").asText()).isEqualTo("REVIEW");
        assertThat(held.get("policy").get("rule").asText()).isEqualTo("above-value-limit");
        assertThat(CaseFlow.taskOf(new Api(child.baseUrl()), "sam", id, "REVIEW")).isNotBlank();
        cancel("alice", id);
    }

    @Test
    @Order(4)
    void aRefundToAnotherAddressGoesToPeopleAndSoDoesACaseWhileAnotherIsOpen() {
        String tx = deposit("bsc", alice, new BigInteger("300000000000000000000"));
        String elsewhere = CaseFlow.fileWrongNetwork(api, "alice", "bsc", tx, alice, USDT, ELSEWHERE);
        JsonNode first = awaitStatus("alice", elsewhere, "IN_REVIEW");
        assertThat(first.get("policy").get("rule").asText()).isEqualTo("refund-not-to-sender");

        String clean = fileToSender("alice", deposit("arbitrum", alice, usdt6(300)), alice);
        JsonNode second = awaitStatus("alice", clean, "IN_REVIEW");

        assertThat(second.get("policy").get("decision").asText()).isEqualTo("REVIEW");
        assertThat(second.get("policy").get("rule").asText()).isEqualTo("other-open-case");
        cancel("alice", elsewhere);
        cancel("alice", clean);
    }

    @Test
    @Order(5)
    void aCaseTheTableWouldApproveButAboveDualApprovalStillGoesToPeople() throws Exception {
        // given a table redeployed to approve up to 20,000 USD, above approval.dual-above-usd (10,000)
        deployTable(shippedTable().replace("&gt; 1000<", "&gt; 20000<").replace("&lt;= 1000<", "&lt;= 20000<")
                .replace("&gt; 2000<", "&gt; 100000<").replace("&lt;= 2000<", "&lt;= 100000<"));
        try {
            String id = fileToSender("alice", deposit("arbitrum", alice, usdt6(15_000)), alice);

            JsonNode held = awaitStatus("alice", id, "IN_REVIEW");

            assertThat(held.get("policy").get("decision").asText()).isEqualTo("AUTO_APPROVE");
            assertThat(held.get("policy").get("route").asText()).isEqualTo("REVIEW");
            assertThat(held.get("policy").get("version").asInt()).isEqualTo(4);
            assertThat(held.get("policy").get("note").asText())
                    .isEqualTo("Worth 15000 USD, above approval.dual-above-usd (10000 USD): dual approval applies, so people decide.");
            cancel("alice", id);
        } finally {
            deployTable(shippedTable());
        }
    }

    @Test
    @Order(6)
    void earlierRejectionsHoldACaseBackAndThreeOfThemMakeTheTableRecommendRejecting() {
        rejectedFiling("bob");
        String once = fileToSender("bob", deposit("arbitrum", bob, usdt6(300)), bob);
        assertThat(awaitStatus("bob", once, "IN_REVIEW").get("policy").get("rule").asText()).isEqualTo("earlier-rejection");
        cancel("bob", once);
        rejectedFiling("bob");
        rejectedFiling("bob");

        String thrice = fileToSender("bob", deposit("arbitrum", bob, usdt6(300)), bob);
        JsonNode held = awaitStatus("bob", thrice, "IN_REVIEW");

        JsonNode policy = held.get("policy");
        assertThat(policy.get("decision").asText()).isEqualTo("REJECT");
        assertThat(policy.get("reasonCode").asText()).isEqualTo("REPEATED_REJECTIONS");
        assertThat(policy.get("rule").asText()).isEqualTo("repeated-rejections");
        assertThat(policy.get("route").asText()).isEqualTo("REVIEW");
        assertThat(policy.get("note").asText()).isEqualTo("The table recommends rejecting (REPEATED_REJECTIONS); an appeals specialist decides.");
        // the specialist reads the table's recommendation, its reason included, among the task's facts
        String task = CaseFlow.taskOf(api, "sam", thrice, "REVIEW");
        assertThat(api.get("admin", "/engine-rest/task/" + task + "/localVariables/facts").body().get("value").asText())
                .contains("- **Recovery policy**: REJECT \\(REPEATED\\_REJECTIONS\\) by rule repeated\\-rejections, table version 5, mode on\\.");
        cancel("bob", thrice);
    }

    @Test
    @Order(7)
    void aRefundToASenderThatIsAContractGoesToPeople() {
        // given a deposit that a contract (a forwarding wallet) sent to alice's address over bsc
        String forwarder = deposits.deploy("bsc", "TokenForwarder", null, TestDeposits.RICH);
        BigInteger amount = new BigInteger("300000000000000000000");
        deposits.sendToken("bsc", USDT, forwarder, amount);
        String tx = deposits.call("bsc", TestDeposits.RICH, forwarder, FunctionEncoder.encode(new Function(
                "forward", List.<Type>of(new Address(USDT), new Address(alice),
                        new Uint256(amount)), List.of())));
        assertThat(deposits.receipt("bsc", tx).isStatusOK()).isTrue();
        deposits.mine("bsc", 16);

        // when it is filed to be refunded to that contract
        String id = CaseFlow.fileWrongNetwork(api, "alice", "bsc", tx, alice, USDT, Keys.toChecksumAddress(forwarder));
        JsonNode held = awaitStatus("alice", id, "IN_REVIEW");

        assertThat(held.get("policy").get("decision").asText()).isEqualTo("REVIEW");
        assertThat(held.get("policy").get("rule").asText()).isEqualTo("sender-is-a-contract");
        cancel("alice", id);
    }

    @Test
    @Order(8)
    void aCaseOnAConditionalChainGoesToPeople() {
        // 1000 POL (0.50 USD each, chains-test.yml) over polygon, recovery: conditional
        String tx = deposits.sendNative("polygon", alice, new BigInteger("1000000000000000000000"));
        assertThat(deposits.receipt("polygon", tx).isStatusOK()).isTrue();
        deposits.mine("polygon", 3);

        String id = CaseFlow.fileWrongNetwork(api, "alice", "polygon", tx, alice, null, TestDeposits.RICH);
        JsonNode held = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deposits.mine("polygon", 1);
            return caseOf("alice", id);
        }, c -> c.get("status").asText().equals("IN_REVIEW"));

        assertThat(held.get("policy").get("decision").asText()).isEqualTo("REVIEW");
        assertThat(held.get("policy").get("rule").asText()).isEqualTo("chain-not-direct");
        cancel("alice", id);
    }

    @Test
    @Order(9)
    void aCaseOverTheUsersDailyCapGoesToPeople() throws Exception {
        // given a table redeployed with a per-user cap of 100 USD, and alice's earlier automatic refunds counted in it
        deployTable(shippedTable().replace("&gt; 2000<", "&gt; 100<").replace("&lt;= 2000<", "&lt;= 100<"));
        try {
            String id = fileToSender("alice", deposit("arbitrum", alice, usdt6(300)), alice);

            JsonNode held = awaitStatus("alice", id, "IN_REVIEW");

            assertThat(held.get("policy").get("decision").asText()).isEqualTo("REVIEW");
            assertThat(held.get("policy").get("rule").asText()).isEqualTo("user-daily-cap");
            assertThat(held.get("policy").get("version").asInt()).isEqualTo(6);
            cancel("alice", id);
        } finally {
            deployTable(shippedTable());
        }
    }

    // --- helpers

    private static BigInteger usdt6(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(6));
    }

    /** A USDT transfer from anvil's rich account to a deposit address, mined and buried. */
    private String deposit(String chain, String to, BigInteger raw) {
        String tx = deposits.sendToken(chain, USDT, to, raw);
        assertThat(deposits.receipt(chain, tx).isStatusOK()).isTrue();
        deposits.mine(chain, 16);
        return tx;
    }

    /** Files a wrong-network case on arbitrum, which refunds only to the sender (the user names no refund address). */
    private String fileToSender(String user, String tx, String depositAddress) {
        Map<String, Object> form = new HashMap<>();
        form.put("type", "WRONG_NETWORK");
        form.put("chain", "arbitrum");
        form.put("txHash", tx);
        form.put("depositAddress", depositAddress);
        form.put("tokenContract", USDT);
        Api.Answer filed = api.post(user, "/api/v1/cases", form);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    /** A filing the screening rejects at once: a claim on someone else's deposit address. */
    private void rejectedFiling(String user) {
        String tx = "0x" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        String id = CaseFlow.fileWrongNetwork(api, user, "bsc", tx, user.equals("alice") ? bob : alice, USDT, TestDeposits.RICH);
        assertThat(awaitStatus(user, id, "REJECTED").get("reasonCode").asText()).isEqualTo("NOT_YOUR_DEPOSIT_ADDRESS");
    }

    private JsonNode caseOf(String user, String id) {
        return api.get(user, "/api/v1/cases/" + id).body();
    }

    private JsonNode awaitPolicy(String user, String id) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deposits.mine("arbitrum", 1);
            return caseOf(user, id);
        }, c -> c.has("policy"));
    }

    private JsonNode awaitStatus(String user, String id, String status) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deposits.mine("arbitrum", 1);
            deposits.mine("bsc", 1);
            return caseOf(user, id);
        }, c -> c.get("status").asText().equals(status));
    }

    private JsonNode awaitCompleted(String user, String id) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            deposits.mine("arbitrum", 3);
            return caseOf(user, id);
        }, c -> c.get("status").asText().equals("COMPLETED"));
    }

    private void cancel(String user, String id) {
        assertThat(api.post(user, "/api/v1/cases/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
    }

    private static String shippedTable() throws IOException {
        return Files.readString(SHIPPED_TABLE);
    }

    /** Deploys a table as an operator does: the engine REST API, as the operator admin (docs/operations.md). */
    private void deployTable(String dmn) throws Exception {
        String boundary = "policy" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrecovery-policy\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"recovery-policy.dmn\"; filename=\"recovery-policy.dmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(child.baseUrl() + "/engine-rest/deployment/create"))
                .header("Authorization", basic("admin")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private List<JsonNode> engine(String path) throws Exception {
        JsonNode list = api.get("admin", "/engine-rest" + path).body();
        List<JsonNode> all = new ArrayList<>();
        list.forEach(all::add);
        return all;
    }

    private JsonNode decisionInstance(String caseId) throws Exception {
        String instance = engine("/history/process-instance?processInstanceBusinessKey=" + caseId + "&processDefinitionKey=caseResolution")
                .get(0).get("id").asText();
        List<JsonNode> decisions = engine("/history/decision-instance?processInstanceId=" + instance + "&includeInputs=true&includeOutputs=true");
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    private static String output(JsonNode decision, String name) {
        for (JsonNode o : decision.get("outputs")) {
            if (o.get("variableName").asText().equals(name)) {
                return o.get("value").asText();
            }
        }
        return null;
    }

    private static String input(JsonNode decision, String label) {
        for (JsonNode i : decision.get("inputs")) {
            if (i.get("clauseName").asText().equals(label)) {
                return i.get("value").asText();
            }
        }
        return null;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
