package com.recoverydesk.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.cases.CaseProcess;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmn/recovery-policy.dmn as shipped, on the bare engine's DMN engine: every row decides what it says, in the
 * order of the hit policy FIRST. Starts from a clean case (the row that approves) and spoils one fact at a time.
 */
class RecoveryPolicyTableTest extends ProcessTest {

    /** A wrong-network deposit of a listed token on a direct chain, refunded to its sender, nothing else against it. */
    static Map<String, Object> clean() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("caseType", "WRONG_NETWORK");
        facts.put("recoveryMode", "direct");
        facts.put("listed", true);
        facts.put("priced", true);
        facts.put("valueUsd", new BigDecimal("300.00"));
        facts.put("refundToSender", true);
        facts.put("senderIsContract", false);
        facts.put("earlierRejections", 0);
        facts.put("otherOpenCases", 0);
        facts.put("userAutoUsd24h", new BigDecimal("300.00"));
        facts.put("allAutoUsd24h", new BigDecimal("300.00"));
        return facts;
    }

    static DmnDecisionRuleResult decide(Map<String, Object> facts) {
        return BpmnTestEngine.get().getDecisionService().evaluateDecisionTableByKey(CaseProcess.POLICY_TABLE, facts).getSingleResult();
    }

    @Test
    void theTableUsesTheFirstHitPolicySoRowOrderIsTheChecklist() {
        DecisionDefinition table = BpmnTestEngine.get().getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(CaseProcess.POLICY_TABLE).latestVersion().singleResult();
        assertThat(table.getName()).isEqualTo("Straight-through recovery policy");
        assertThat(table.getHistoryTimeToLive()).isEqualTo(365);
    }

    @Test
    void aCleanCaseIsApprovedStraightThrough() {
        DmnDecisionRuleResult result = decide(clean());

        assertThat(result.getEntryMap().get("decision")).isEqualTo("AUTO_APPROVE");
        assertThat(result.getEntryMap().get("rule")).isEqualTo("clean-listed-direct-to-sender");
        assertThat(result.getEntryMap().get("reasonCode")).isNull();
    }

    @ParameterizedTest(name = "{0} = {1} -> {2} by {3}")
    @CsvSource({
            "earlierRejections, 3,                REJECT, repeated-rejections",
            "priced,            false,            REVIEW, no-price",
            "recoveryMode,      conditional,      REVIEW, chain-not-direct",
            "caseType,          UNLISTED_TOKEN,   REVIEW, not-a-listed-wrong-network-deposit",
            "refundToSender,    false,            REVIEW, refund-not-to-sender",
            "senderIsContract,  true,             REVIEW, sender-is-a-contract",
            "valueUsd,          1000.01,          REVIEW, above-value-limit",
            "earlierRejections, 1,                REVIEW, earlier-rejection",
            "otherOpenCases,    1,                REVIEW, other-open-case",
            "userAutoUsd24h,    2000.01,          REVIEW, user-daily-cap",
            "allAutoUsd24h,     50000.01,         REVIEW, global-daily-cap",
            "listed,            false,            REVIEW, no-rule-approves",
    })
    void eachRowHoldsBackWhatItNames(String input, String value, String decision, String rule) {
        Map<String, Object> facts = clean();
        facts.put(input, typed(facts.get(input), value));

        DmnDecisionRuleResult result = decide(facts);

        assertThat(result.getEntryMap().get("decision")).isEqualTo(decision);
        assertThat(result.getEntryMap().get("rule")).isEqualTo(rule);
        assertThat(result.getEntryMap().get("reasonCode")).isEqualTo(decision.equals("REJECT") ? "REPEATED_REJECTIONS" : null);
    }

    @Test
    void theLimitsAreInclusiveToTheCent() {
        Map<String, Object> facts = clean();
        facts.put("valueUsd", new BigDecimal("1000.00"));
        facts.put("userAutoUsd24h", new BigDecimal("2000.00"));
        facts.put("allAutoUsd24h", new BigDecimal("50000.00"));

        assertThat(decide(facts).getEntryMap().get("decision")).isEqualTo("AUTO_APPROVE");
    }

    @Test
    void anUnpricedCaseWithNoValueGoesToPeople() {
        Map<String, Object> facts = clean();
        facts.put("priced", false);
        facts.put("valueUsd", null);

        assertThat(decide(facts).getEntryMap().get("rule")).isEqualTo("no-price");
    }

    private static Object typed(Object like, String value) {
        if (like instanceof Boolean) {
            return Boolean.valueOf(value);
        }
        if (like instanceof Integer) {
            return Integer.valueOf(value);
        }
        if (like instanceof BigDecimal) {
            return new BigDecimal(value);
        }
        return value;
    }
}
