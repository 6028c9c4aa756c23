package com.recoverydesk.review;

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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The human part: appeals review, fees, the wallet team's approval and four-eyes, through the real engine and HTTP. */
class ReviewAndApprovalTest extends IntegrationTest {

    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Autowired
    ChainClients chains;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    Api api;
    TestDeposits deposits;
    String alice;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        deposits = new TestDeposits(chains);
        alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        // someone in both appeals and wallet: the person four-eyes exists for
        if (identity.createUserQuery().userId("pat").count() == 0) {
            var pat = identity.newUser("pat");
            pat.setPassword("demo");
            identity.saveUser(pat);
            identity.createMembership("pat", "appeals");
            identity.createMembership("pat", "wallet");
        }
    }

    @Test
    void aWrongNetworkCaseApprovedByReviewAndWalletReachesTheRefund() {
        String id = inReview(usdtOnBsc("250"));

        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");
        assertThat(decide("wendy", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE")).status()).isEqualTo(200);

        JsonNode refunding = caseOf(id);
        assertThat(refunding.get("status").asText()).isEqualTo("REFUNDING");
        assertThat(refunding.get("timeline")).extracting(e -> e.get("event").asText() + ":" + e.get("actor").asText())
                .containsSubsequence("REVIEW_APPROVED:sam", "AWAITING_APPROVAL:sam", "REFUND_APPROVED:wendy", "REFUNDING:wendy");
    }

    @Test
    void theTasklistFormsShowTheVerifiedFacts() {
        String id = inReview(usdtOnBsc("250"));
        String tx = caseOf(id).get("txHash").asText();

        String review = (String) tasks.getVariableLocal(engineTask(id, "reviewAppeal").getId(), "facts");
        assertThat(review).startsWith("### WRONG_NETWORK case on bsc")
                .contains("- **TXID** [" + tx + "](https://bscscan.com/tx/" + tx + ")", "- **Amount** 250 USDT " + USDT,
                        "- **Deposit address** " + alice, "- **Refund to** " + REFUND, "USD (");
        assertThat(tasks.getVariablesLocal(engineTask(id, "reviewAppeal").getId())).containsOnlyKeys("facts");

        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        String approval = (String) tasks.getVariableLocal(engineTask(id, "approveRefund").getId(), "facts");
        assertThat(approval).startsWith("### Refund of a WRONG_NETWORK case on bsc").contains("- **Refund to** " + REFUND)
                .doesNotContain("Sender");
    }

    @Test
    void anUnlistedTokenNeedsTheSpecialistsValuationWhichSetsTheFee() {
        String tx = deposits.sendToken("ethereum", GEM, alice, new BigInteger("3000000000000000000000"));
        deposits.mine("ethereum", 12);
        String id = inReview(file("UNLISTED_TOKEN", "ethereum", tx, GEM));
        assertThat(caseOf(id).get("fee")).isNull();

        Api.Answer withoutValuation = decide("sam", id, "REVIEW", Map.of("decision", "APPROVE"));
        assertThat(withoutValuation.status()).isEqualTo(400);
        assertThat(withoutValuation.body().get("detail").asText()).contains("valuation");

        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "APPROVE", "valuationUsd", "1200")).status()).isEqualTo(200);
        JsonNode fee = caseOf(id).get("fee");
        assertThat(new BigDecimal(fee.get("usd").asText())).isEqualByComparingTo("120"); // 10% of 1200
        assertThat(fee.get("amount").asText()).isEqualTo("300000000000000000000"); // a tenth of the deposit, in raw units
        assertThat(decide("walt", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("REFUNDING");
    }

    @Test
    void aRejectionNeedsAReasonWhichTheUserReadsAndIsToldAbout() {
        String id = inReview(usdtOnBsc("250"));

        Api.Answer noReason = decide("sara", id, "REVIEW", Map.of("decision", "REJECT"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(decide("sara", id, "REVIEW", Map.of("decision", "REJECT", "reason", "The sender is a sanctioned address.")).status())
                .isEqualTo(200);

        JsonNode rejected = caseOf(id);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("reasonCode").asText()).isEqualTo("REJECTED_BY_REVIEW");
        assertThat(rejected.get("reasonMessage").asText()).contains("sanctioned");
        assertThat(rejected.get("timeline")).extracting(e -> e.get("event").asText()).contains("REVIEW_REJECTED", "REJECTED", "NOTIFIED");
    }

    @Test
    void aQuestionToTheUserWaitsForTheReplyAndTheReplyReturnsTheCaseToReview() {
        String id = inReview(usdtOnBsc("250"));

        assertThat(decide("sam", id, "REVIEW", Map.of("decision", "REQUEST_INFO", "message", "Which wallet did you send from?")).status())
                .isEqualTo(200);
        assertThat(status(id)).isEqualTo("INFO_REQUESTED");
        Api.Answer reply = api.post("alice", "/api/v1/cases/" + id + "/replies", Map.of("message", "From my hardware wallet."));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        assertThat(CaseFlow.taskOf(api, "sam", id, "REVIEW")).isNotNull();
        assertThat(caseOf(id).get("timeline")).extracting(e -> e.get("event").asText() + ":" + e.get("actor").asText())
                .contains("INFO_REQUESTED:sam", "USER_REPLIED:alice");
        assertThat(api.post("alice", "/api/v1/cases/" + id + "/replies", Map.of("message", "again")).status()).isEqualTo(409);
    }

    @Test
    void aQuestionLeftUnansweredClosesTheCaseWhenTheReplyWindowEnds() {
        String id = inReview(usdtOnBsc("250"));
        decide("sam", id, "REVIEW", Map.of("decision", "REQUEST_INFO", "message", "Please send a screenshot."));

        String processId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKeyIn("caseResolution").singleResult().getId();
        Job deadline = management.createJobQuery().processInstanceId(processId).timers().singleResult();
        assertThat(deadline.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + Duration.ofDays(13).toMillis()));
        management.executeJob(deadline.getId());

        JsonNode closed = caseOf(id);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED_NO_REPLY");
        assertThat(closed.get("reasonCode").asText()).isEqualTo("NO_REPLY");
    }

    @Test
    void aCaseCanBeWithdrawnBeforeApprovalButNotAfter() {
        String early = inReview(usdtOnBsc("250"));
        Api.Answer cancelled = api.post("alice", "/api/v1/cases/" + early + "/cancel", Map.of());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(early).count()).isZero();

        String late = inReview(usdtOnBsc("250"));
        decide("sam", late, "REVIEW", Map.of("decision", "APPROVE"));
        Api.Answer refused = api.post("alice", "/api/v1/cases/" + late + "/cancel", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("CANNOT_CANCEL");
        assertThat(api.post("bob", "/api/v1/cases/" + late + "/cancel", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theReviewerCannotApproveTheRefundThroughTheApiNorTheEngineRestApi() {
        String id = inReview(usdtOnBsc("250"));
        assertThat(decide("pat", id, "REVIEW", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        String approval = CaseFlow.taskOf(api, "pat", id, "WALLET_APPROVAL");

        Api.Answer viaApi = api.post("pat", "/api/v1/tasks/" + approval + "/complete", Map.of("decision", "APPROVE"));
        Api.Answer claimViaApi = api.post("pat", "/api/v1/tasks/" + approval + "/claim", Map.of());
        Api.Answer viaEngineRest = api.post("pat", "/engine-rest/task/" + approval + "/complete",
                Map.of("variables", Map.of("approvalDecision", Map.of("value", "APPROVE"))));
        Api.Answer claimViaEngineRest = api.post("pat", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "pat"));

        assertThat(viaApi.status()).isEqualTo(403);
        assertThat(viaApi.body().get("code").asText()).isEqualTo("FOUR_EYES");
        assertThat(claimViaApi.status()).isEqualTo(403);
        assertThat(viaEngineRest.status()).isEqualTo(403);
        assertThat(viaEngineRest.body().get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(claimViaEngineRest.status()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");
        assertThat(decide("walt", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
    }

    @Test
    void theReviewerCannotApproveTheRefundThroughTasklistEither() throws Exception {
        String id = inReview(usdtOnBsc("250"));
        decide("pat", id, "REVIEW", Map.of("decision", "APPROVE"));
        String approval = CaseFlow.taskOf(api, "pat", id, "WALLET_APPROVAL");
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        String login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=pat&password=demo&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/camunda/app/tasklist/default/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();

        var tasklistComplete = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/camunda/api/engine/engine/default/task/" + approval + "/complete"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(tasklistComplete.statusCode()).as(tasklistComplete.body()).isEqualTo(403);
        assertThat(tasklistComplete.body()).contains("AuthorizationException");
        assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void aboveTheThresholdOneApprovalIsNotEnoughAndTheSameMemberTwiceIsRefused() {
        String id = inReview(usdtOnBsc("20000"));
        decide("sam", id, "REVIEW", Map.of("decision", "APPROVE"));

        assertThat(decide("wendy", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");
        Api.Answer sameAgain = decide("wendy", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE"));
        assertThat(sameAgain.status()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");

        assertThat(decide("walt", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("REFUNDING");
    }

    @Test
    void aTaskOfAnotherGroupDoesNotExistForTheCaller() {
        String id = inReview(usdtOnBsc("250"));
        String review = CaseFlow.taskOf(api, "sam", id, "REVIEW");

        assertThat(api.post("wendy", "/api/v1/tasks/" + review + "/complete", Map.of("decision", "APPROVE")).status()).isEqualTo(404);
        assertThat(api.post("wendy", "/api/v1/tasks/" + review + "/claim", Map.of()).status()).isEqualTo(404);
        assertThat(api.get("alice", "/api/v1/tasks").status()).isEqualTo(403);
        assertThat(api.getAll("wendy", "/api/v1/tasks")).noneSatisfy(t -> assertThat(t.get("id").asText()).isEqualTo(review));
        List<JsonNode> listed = api.getAll("sam", "/api/v1/tasks");
        assertThat(listed).anySatisfy(t -> {
            assertThat(t.get("id").asText()).isEqualTo(review);
            assertThat(t.get("kind").asText()).isEqualTo("REVIEW");
            assertThat(t.get("facts").get("amount").asText()).isEqualTo("250000000000000000000");
        });
    }

    @Test
    void theQuotedFeeIsTheFeeCharged() {
        Api.Answer quote = api.get(null, "/api/v1/fees/quote?type=WRONG_NETWORK&chain=bsc&token=USDT&amount=2500");
        String id = inReview(usdtOnBsc("2500"));

        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.body().get("fee").asText()).isEqualTo("125000000000000000000");
        assertThat(caseOf(id).get("fee").get("amount").asText()).isEqualTo(quote.body().get("fee").asText());
    }

    @Test
    void aDepositJustUnderTheMinimumIsBelowFeeAndOneAtItIsEligible() {
        String under = file("WRONG_NETWORK", "bsc", usdtTx("99.999999999999999999"), USDT);
        String at = file("WRONG_NETWORK", "bsc", usdtTx("100"), USDT);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(under)).isEqualTo("REJECTED"));
        assertThat(caseOf(under).get("reasonCode").asText()).isEqualTo("BELOW_FEE");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(at)).isEqualTo("IN_REVIEW"));
    }

    @Test
    void aRejectionMailWaitsOutAnSmtpOutageAndIsSentOnce() {
        String id = inReview(usdtOnBsc("250"));
        MAIL.stop();
        try {
            decide("sam", id, "REVIEW", Map.of("decision", "REJECT", "reason", "Duplicate of an earlier claim."));
            await().atMost(Duration.ofSeconds(30)).until(() -> attemptsFor(id) > 0);
        } finally {
            MAIL.start();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(MAIL.received())
                .filteredOn(m -> body(m).contains(id)).hasSize(1));
        assertThat(MAIL.received()).filteredOn(m -> body(m).contains(id)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Your recovery case was rejected"));
    }

    // --- helpers -----------------------------------------------------------------------------

    private int attemptsFor(String caseId) {
        return jdbc().sql("select coalesce(max(attempts), 0) from recovery.notification_outbox where case_id = :id and channel = 'EMAIL'")
                .param("id", caseId).query(Integer.class).single();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

    private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return jdbcClient;
    }

    private static String body(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            return "";
        }
    }

    private String usdtTx(String whole) {
        String tx = deposits.sendToken("bsc", USDT, alice, new BigDecimal(whole).movePointRight(18).toBigIntegerExact());
        deposits.mine("bsc", 15);
        return tx;
    }

    private String usdtOnBsc(String whole) {
        return file("WRONG_NETWORK", "bsc", usdtTx(whole), USDT);
    }

    private String file(String type, String chain, String tx, String token) {
        return CaseFlow.file(api, "alice", type, chain, tx, alice, token, REFUND);
    }

    private Task engineTask(String caseId, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey).singleResult();
    }

    private String inReview(String id) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(id)).isEqualTo("IN_REVIEW"));
        return id;
    }

    private String status(String id) {
        return caseOf(id).get("status").asText();
    }

    private JsonNode caseOf(String id) {
        return api.get("alice", "/api/v1/cases/" + id).body();
    }

    private Api.Answer decide(String user, String caseId, String kind, Map<String, Object> decision) {
        return CaseFlow.decide(api, user, caseId, kind, decision);
    }
}
