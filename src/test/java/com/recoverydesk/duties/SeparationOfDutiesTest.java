package com.recoverydesk.duties;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.BrowserSession;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role against each kind of task on each path: our API, the engine REST API and Tasklist (which calls the
 * engine REST API of the webapp). Only appeals decide reviews, only the wallet team decides approvals; every
 * refusal has its exact status and leaves the case where it was.
 */
class SeparationOfDutiesTest extends IntegrationTest {

    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final String APPROVE_REVIEW = "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}";
    static final String APPROVE_REFUND = "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}";

    @Autowired
    ChainClients chains;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
    }

    @Test
    void onlyAppealsDecideAReviewOnOurApiTheEngineRestApiAndTasklist() {
        String id = inReview();
        String review = CaseFlow.taskOf(api, "sam", id, "REVIEW");

        Map<String, Object> refused = new LinkedHashMap<>();
        for (String user : List.of("alice", "wendy", "admin")) {
            refused.putAll(everyWayToTakeOrDecide(user, review, APPROVE_REVIEW));
        }

        // the engine REST API: claim, assignee, delegate, update (PUT), submit-form, complete; a task a specialist
        // may not see is "not found" to the update, which looks it up first
        assertThat(refused).containsExactlyInAnyOrderEntriesOf(expected(
                "alice", 403, 403, "[403, 403, 403, 403, 403, 403]", 403,
                "wendy", 404, 404, "[403, 403, 403, 404, 403, 403]", 403,
                "admin", 404, 404, "[403, 403, 403, 403, 403, 403]", 403));
        assertUntouched(id, "IN_REVIEW", review);

        BrowserSession sam = BrowserSession.signIn(baseUrl(), "sam");
        assertThat(sam.tasklistPost(tasklist(review, "complete"), sam.openTasklist(), APPROVE_REVIEW).statusCode()).isEqualTo(204);
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void onlyTheWalletTeamDecidesAnApprovalOnOurApiTheEngineRestApiAndTasklist() {
        String id = awaitingApproval();
        String approval = CaseFlow.taskOf(api, "wendy", id, "WALLET_APPROVAL");

        Map<String, Object> refused = new LinkedHashMap<>();
        for (String user : List.of("alice", "sara", "admin")) {
            refused.putAll(everyWayToTakeOrDecide(user, approval, APPROVE_REFUND));
        }

        assertThat(refused).containsExactlyInAnyOrderEntriesOf(expected(
                "alice", 403, 403, "[403, 403, 403, 403, 403, 403]", 403,
                "sara", 404, 404, "[403, 403, 403, 404, 403, 403]", 403,
                "admin", 404, 404, "[403, 403, 403, 403, 403, 403]", 403));
        assertUntouched(id, "AWAITING_APPROVAL", approval);

        Api.Answer walt = api.postRaw("walt", "/engine-rest/task/" + approval + "/complete", "application/json", APPROVE_REFUND);
        assertThat(walt.status()).isEqualTo(204);
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("REFUNDING");
    }

    @Test
    void aTaskCannotBeAssignedToSomeoneOutsideItsGroup() {
        String id = awaitingApproval();
        String approval = CaseFlow.taskOf(api, "wendy", id, "WALLET_APPROVAL");

        Api.Answer toAnOperator = api.post("wendy", "/engine-rest/task/" + approval + "/assignee", Map.of("userId", "admin"));
        Api.Answer toASpecialist = api.post("wendy", "/engine-rest/task/" + approval + "/delegate", Map.of("userId", "sara"));
        Api.Answer toACustomer = api.post("wendy", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "alice"));
        Api.Answer toAColleague = api.post("wendy", "/engine-rest/task/" + approval + "/assignee", Map.of("userId", "walt"));

        assertThat(toAnOperator.status()).isEqualTo(403);
        assertThat(toAnOperator.body().get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(toAnOperator.body().get("message").asText()).isEqualTo("admin is not in the group wallet and so cannot be assigned \"Approve the refund\".");
        assertThat(toASpecialist.status()).isEqualTo(403);
        assertThat(toACustomer.status()).isEqualTo(403);
        assertThat(toAColleague.status()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(approval).singleResult().getAssignee()).isEqualTo("walt");
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void theEngineRefusesAnOperatorEvenPastTheUrlRulesButLetsThemHandATaskBack() {
        String id = awaitingApproval();
        String approval = CaseFlow.taskOf(api, "wendy", id, "WALLET_APPROVAL");

        asUser("admin", List.of("camunda-admin"), () ->
                assertThatThrownBy(() -> tasks.claim(approval, "admin")).isInstanceOf(DutyViolation.class)
                        .hasMessage("admin is not in the group wallet and so cannot assign \"Approve the refund\"."));
        asUser("admin", List.of("camunda-admin"), () ->
                assertThatThrownBy(() -> tasks.complete(approval, Map.of("approvalDecision", "APPROVE"))).isInstanceOf(DutyViolation.class)
                        .hasMessage("admin is not in the group wallet and so cannot decide \"Approve the refund\"."));
        assertThatThrownBy(() -> tasks.complete(approval, Map.of("approvalDecision", "APPROVE"))).isInstanceOf(DutyViolation.class)
                .hasMessage("\"Approve the refund\" must be decided by a named member of the group wallet.");
        assertUntouched(id, "AWAITING_APPROVAL", approval);

        assertThat(api.post("wendy", "/api/v1/tasks/" + approval + "/claim", Map.of()).status()).isEqualTo(200);
        asUser("admin", List.of("camunda-admin"), () -> tasks.setAssignee(approval, null));
        assertThat(tasks.createTaskQuery().taskId(approval).singleResult().getAssignee()).isNull();
        Api.Answer ourApi = api.post("admin", "/api/v1/tasks/" + approval + "/complete", Map.of("decision", "APPROVE"));
        assertThat(ourApi.status()).isEqualTo(404);
        assertThat(api.get("admin", "/engine-rest/task?processInstanceBusinessKey=" + id).body()).hasSize(1);
    }

    // --- helpers -----------------------------------------------------------------------------

    /**
     * Every way {@code user} could take or decide the task: our API's claim and complete, the engine REST API's
     * claim, assignee, delegate, update, submit-form and complete, and Tasklist's complete. The answer keeps the
     * status of each call (the engine REST API's in that order).
     */
    private Map<String, Object> everyWayToTakeOrDecide(String user, String task, String form) {
        Map<String, Object> statuses = new LinkedHashMap<>();
        statuses.put(user + " api claim", api.post(user, "/api/v1/tasks/" + task + "/claim", Map.of()).status());
        statuses.put(user + " api complete", api.post(user, "/api/v1/tasks/" + task + "/complete", Map.of("decision", "APPROVE")).status());
        List<Integer> engine = List.of(
                api.post(user, "/engine-rest/task/" + task + "/claim", Map.of("userId", user)).status(),
                api.post(user, "/engine-rest/task/" + task + "/assignee", Map.of("userId", user)).status(),
                api.post(user, "/engine-rest/task/" + task + "/delegate", Map.of("userId", user)).status(),
                send(user, "PUT", "/engine-rest/task/" + task, "{\"name\":\"taken\",\"assignee\":\"" + user + "\",\"priority\":50}"),
                api.postRaw(user, "/engine-rest/task/" + task + "/submit-form", "application/json", form).status(),
                api.postRaw(user, "/engine-rest/task/" + task + "/complete", "application/json", form).status());
        statuses.put(user + " engine-rest", engine.toString());
        statuses.put(user + " tasklist", tasklistAttempts(user, task, form));
        return statuses;
    }

    /** Tasklist's claim and complete as {@code user} signed in on the login page; customers never get Tasklist's token. */
    private int tasklistAttempts(String user, String task, String form) {
        BrowserSession session = BrowserSession.signIn(baseUrl(), user);
        String xsrf = user.equals("alice") ? "none" : session.openTasklist();
        int claim = session.tasklistPost(tasklist(task, "claim"), xsrf, "{\"userId\":\"" + user + "\"}").statusCode();
        int complete = session.tasklistPost(tasklist(task, "complete"), xsrf, form).statusCode();
        assertThat(complete).as(user + " on Tasklist").isEqualTo(claim);
        return complete;
    }

    private static Map<String, Object> expected(Object... rows) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 5) {
            String user = (String) rows[i];
            expected.put(user + " api claim", rows[i + 1]);
            expected.put(user + " api complete", rows[i + 2]);
            expected.put(user + " engine-rest", rows[i + 3]);
            expected.put(user + " tasklist", rows[i + 4]);
        }
        return expected;
    }

    private void assertUntouched(String caseId, String status, String taskId) {
        assertThat(CaseFlow.status(api, "alice", caseId)).isEqualTo(status);
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("the task is still open").isNotNull();
        assertThat(task.getAssignee()).isNull();
        assertThat(task.getName()).isNotEqualTo("taken");
        assertThat(tasks.getIdentityLinksForTask(taskId)).allSatisfy(link -> assertThat(link.getUserId()).isNull());
    }

    private int send(String user, String method, String path, String json) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void asUser(String user, List<String> groups, Runnable work) {
        identity.setAuthentication(user, groups);
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static String tasklist(String task, String action) {
        return "/camunda/api/engine/engine/default/task/" + task + "/" + action;
    }

    private String inReview() {
        TestDeposits deposits = new TestDeposits(chains);
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        String tx = deposits.sendToken("bsc", USDT, alice, new BigInteger("250000000000000000000"));
        deposits.mine("bsc", 15);
        String id = CaseFlow.fileWrongNetwork(api, "alice", "bsc", tx, alice, USDT, REFUND);
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));
        return id;
    }

    private String awaitingApproval() {
        String id = inReview();
        CaseFlow.approve(api, "sam", id, "REVIEW");
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("AWAITING_APPROVAL");
        return id;
    }
}
