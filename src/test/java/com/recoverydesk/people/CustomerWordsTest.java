package com.recoverydesk.people;

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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer's own words reach the people who decide: the Tasklist form, the task API and the desk, as text. */
class CustomerWordsTest extends IntegrationTest {

    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final String NOTE = "Sent over BSC by mistake from my <b>Trust</b> Wallet [see](https://evil.example)";
    static final String QUESTION = "Which wallet app did you use?";
    static final String REPLY = "Trust Wallet 8.1 *on Android*\n<img src=x onerror=alert(1)>";

    @Autowired
    ChainClients chains;
    @Autowired
    TaskService tasks;

    @Test
    void theReviewTaskShowsTheNoteTheQuestionAndTheReplyAsEscapedText() {
        Api api = new Api(baseUrl());
        String id = fileWithNote(api, NOTE);
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));
        assertThat(facts(id)).contains("#### What the customer wrote",
                "> Sent over BSC by mistake from my \\<b\\>Trust\\<\\/b\\> Wallet \\[see\\]\\(https\\:\\/\\/evil\\.example\\)");

        assertThat(CaseFlow.decide(api, "sam", id, "REVIEW", Map.of("decision", "REQUEST_INFO", "message", QUESTION)).status()).isEqualTo(200);
        assertThat(api.post("alice", "/api/v1/cases/" + id + "/replies", Map.of("message", REPLY)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));

        String facts = facts(id);
        assertThat(facts).contains("**Question asked** sam, ", "> Which wallet app did you use\\?",
                "**Reply** alice, ", "> Trust Wallet 8\\.1 \\*on Android\\*\n> \\<img src\\=x onerror\\=alert\\(1\\)\\>");
        assertThat(facts.indexOf("Note with the filing")).isLessThan(facts.indexOf("Question asked"));
        assertThat(facts.indexOf("Question asked")).isLessThan(facts.indexOf("**Reply**"));
        assertThat(facts).as("every < the customer typed is escaped").doesNotContainPattern("(?<!\\\\)<");

        JsonNode task = taskOfCase(api, id);
        assertThat(said(task.get("conversation"))).containsExactly("NOTE alice " + NOTE, "QUESTION sam " + QUESTION, "REPLY alice " + REPLY);
        assertThat(task.get("conversation").get(2).get("at").asText()).isNotBlank();

        JsonNode desk = api.get("sam", "/api/v1/desk/cases/" + id).body();
        assertThat(said(desk.get("conversation"))).containsExactly("NOTE alice " + NOTE, "QUESTION sam " + QUESTION, "REPLY alice " + REPLY);
    }

    @Test
    void aCaseFiledWithoutANoteSaysSoInTheTask() {
        Api api = new Api(baseUrl());
        String id = fileWithNote(api, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));
        assertThat(facts(id)).endsWith("#### What the customer wrote\n\nNo note and no replies.");
        assertThat(taskOfCase(api, id).get("conversation")).isEmpty();
    }

    @Test
    void sentencesForPeopleGiveAmountsInTokensAndJsonKeepsRawUnits() {
        Api api = new Api(baseUrl());
        String id = fileWithNote(api, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));

        assertThat(facts(id)).contains("- **Amount** 250 USDT", "- **In tokens** fee 20 USDT, refund 230 USDT");
        JsonNode c = api.get("alice", "/api/v1/cases/" + id).body();
        List<String> messages = java.util.stream.StreamSupport.stream(c.get("timeline").spliterator(), false)
                .map(e -> e.get("message").asText()).toList();
        assertThat(messages).anyMatch(m -> m.startsWith("The chain confirms the deposit of 250 USDT in block "))
                .anyMatch(m -> m.startsWith("Fee 20 USDT, refund 230 USDT: 5% of 250 USD"))
                .noneMatch(m -> m.matches(".*\\d{10,}.*"));
        assertThat(c.get("facts").get("amount").asText()).isEqualTo("250000000000000000000");
        assertThat(c.get("fee").get("amount").asText()).isEqualTo("20000000000000000000");
    }

    private String facts(String caseId) {
        return (String) tasks.getVariableLocal(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("reviewAppeal")
                .singleResult().getId(), "facts");
    }

    private static JsonNode taskOfCase(Api api, String caseId) {
        String taskId = CaseFlow.taskOf(api, "sam", caseId, "REVIEW");
        for (JsonNode t : api.get("sam", "/api/v1/tasks").body()) {
            if (t.get("id").asText().equals(taskId)) {
                return t;
            }
        }
        throw new AssertionError("no task " + taskId);
    }

    private static List<String> said(JsonNode conversation) {
        return java.util.stream.StreamSupport.stream(conversation.spliterator(), false)
                .map(w -> w.get("kind").asText() + " " + w.get("author").asText() + " " + w.get("text").asText()).toList();
    }

    private String fileWithNote(Api api, String note) {
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        TestDeposits deposits = new TestDeposits(chains);
        String tx = deposits.sendToken("bsc", USDT, alice, new BigDecimal("250").movePointRight(18).toBigIntegerExact());
        deposits.mine("bsc", 15);
        Map<String, Object> form = new HashMap<>();
        form.put("type", "WRONG_NETWORK");
        form.put("chain", "bsc");
        form.put("txHash", tx);
        form.put("depositAddress", alice);
        form.put("tokenContract", USDT);
        form.put("refundAddress", REFUND);
        form.put("note", note);
        Api.Answer filed = api.post("alice", "/api/v1/cases", form);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.body().get("id").asText();
    }
}
