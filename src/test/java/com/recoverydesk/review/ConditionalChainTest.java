package com.recoverydesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * polygon is a {@code recovery: conditional} chain (chains-test.yml, a real anvil): a specialist approves a case on it
 * only with every condition confirmed, through our API and Tasklist alike, or rejects it naming the unmet condition.
 */
class ConditionalChainTest extends IntegrationTest {

    static final String FIRST = "The deposit address has never been used on Polygon by the exchange's sweeper.";
    static final String SECOND = "The gas station on Polygon holds enough POL for two transfers.";
    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Autowired
    ChainClients chains;
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
    }

    @Test
    void approvingNeedsEveryConditionConfirmedAndEachIsOnTheTimeline() {
        String id = inReview();
        String taskId = CaseFlow.taskOf(api, "sam", id, "REVIEW");
        assertThat(tasks.getVariableLocal(taskId, ReviewConditions.COUNT)).isEqualTo(2);
        assertThat((String) tasks.getVariableLocal(taskId, "facts")).contains("    1\\. The deposit address has never been used");

        Api.Answer none = decide(id, Map.of("decision", "APPROVE"));
        Api.Answer onlyFirst = decide(id, Map.of("decision", "APPROVE", "conditionsConfirmed", List.of("1")));
        // Tasklist completes the task with the form's checkboxes, past our API: the listener holds there too
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reviewDecision", "APPROVE", "conditionConfirmed1", true,
                "conditionConfirmed2", false)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("not confirmed: [2. " + SECOND + "]");
        Api.Answer both = decide(id, Map.of("decision", "APPROVE", "conditionsConfirmed", List.of("1", SECOND)));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("code").asText()).isEqualTo("INVALID_DECISION");
        assertThat(none.body().get("detail").asText()).isEqualTo("Approving a case on polygon needs every condition of the chain confirmed"
                + " (conditionsConfirmed); not confirmed: [1. " + FIRST + ", 2. " + SECOND + "]. Reject with CONDITION_NOT_MET if one is not met.");
        assertThat(onlyFirst.status()).isEqualTo(400);
        assertThat(onlyFirst.body().get("detail").asText()).contains("not confirmed: [2. " + SECOND + "]");
        assertThat(both.status()).isEqualTo(200);
        JsonNode approved = awaitStatus(id, "AWAITING_APPROVAL");
        assertThat(approved.get("timeline")).filteredOn(e -> e.get("event").asText().equals("CONDITION_CONFIRMED"))
                .extracting(e -> e.get("actor").asText() + ": " + e.get("message").asText())
                .containsExactly("sam: Condition 1 confirmed: " + FIRST, "sam: Condition 2 confirmed: " + SECOND);
        assertThat(approved.get("timeline")).filteredOn(e -> e.get("event").asText().equals("CONDITION_CONFIRMED"))
                .allSatisfy(e -> assertThat(e.get("at").asText()).isNotBlank());
    }

    @Test
    void aSpecialistWhoFindsAConditionUnmetRejectsNamingIt() {
        String id = inReview();

        Api.Answer rejected = decide(id, Map.of("decision", "REJECT", "reasonCode", "CONDITION_NOT_MET", "condition", "2",
                "reason", "The gas station is empty."));

        assertThat(rejected.status()).isEqualTo(200);
        JsonNode c = awaitStatus(id, "REJECTED");
        assertThat(c.get("reasonCode").asText()).isEqualTo("CONDITION_NOT_MET");
        assertThat(c.get("reasonMessage").asText())
                .isEqualTo(ReasonCode.CONDITION_NOT_MET.message() + " Not met: " + SECOND + " The gas station is empty.");
    }

    @Test
    void aConditionTheChainDoesNotHaveAndAReasonCodeNoSpecialistGivesAreRefusedByName() {
        String id = inReview();

        Api.Answer answer = decide(id, Map.of("decision", "APPROVE", "conditionsConfirmed", List.of("1", "7")));
        Api.Answer machineCode = decide(id, Map.of("decision", "REJECT", "reasonCode", "TX_FAILED", "reason", "No."));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("conditionsConfirmed");
            assertThat(error.get("code").asText()).isEqualTo("UNKNOWN_CONDITION");
        });
        assertThat(machineCode.status()).isEqualTo(400);
        assertThat(machineCode.body().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("reasonCode");
            assertThat(error.get("code").asText()).isEqualTo("INVALID_REASON_CODE");
        });
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("IN_REVIEW");
    }

    private String inReview() {
        String tx = deposits.sendNative("polygon", alice, new BigInteger("500000000000000000000")); // 500 POL, worth 250 USD
        deposits.mine("polygon", 3);
        String id = CaseFlow.fileWrongNetwork(api, "alice", "polygon", tx, alice, null, REFUND);
        awaitStatus(id, "IN_REVIEW");
        return id;
    }

    private Api.Answer decide(String id, Map<String, Object> decision) {
        return CaseFlow.decide(api, "sam", id, "REVIEW", decision);
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals(status));
        return api.get("alice", "/api/v1/cases/" + id).body();
    }
}
