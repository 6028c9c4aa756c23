package com.recoverydesk.intake;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a 400 naming the field, and leaves no row and no process behind. */
class FilingValidationTest extends IntegrationTest {

    private static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    HistoryService history;

    Api api;
    String aliceAddress;

    @BeforeEach
    void signIn() {
        api = new Api(baseUrl());
        aliceAddress = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("txHash", "0x1234", "INVALID_TX_HASH"),
                Arguments.of("txHash", "0x" + "g".repeat(64), "INVALID_TX_HASH"),
                Arguments.of("depositAddress", "WRONG_CHECKSUM", "BAD_CHECKSUM"),
                Arguments.of("refundAddress", "0x1234", "INVALID_ADDRESS"),
                Arguments.of("tokenContract", "0x5fbDB2315678afecb367f032d93F642f64180aa3", "BAD_CHECKSUM"),
                Arguments.of("chain", "dogechain", "UNKNOWN_CHAIN"),
                Arguments.of("type", "LOST_PASSWORD", "UNKNOWN_CASE_TYPE"),
                Arguments.of("claimedAmount", "-5", "INVALID_AMOUNT"),
                Arguments.of("claimedAmount", "0", "INVALID_AMOUNT"),
                Arguments.of("claimedAmount", "1e9", "INVALID_AMOUNT"),
                Arguments.of("contactEmail", "alice-at-example", "INVALID_EMAIL"),
                Arguments.of("note", "x".repeat(1001), "TOO_LONG"),
                Arguments.of("refundAddress", "ALICES_DEPOSIT_ADDRESS", "REFUND_TO_DEPOSIT_ADDRESS"),
                Arguments.of("txHash", null, "REQUIRED"));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @MethodSource("badFields")
    void refusesABadFieldByNameAndStoresNothing(String field, String value, String code) {
        Map<String, Object> form = validForm();
        if ("WRONG_CHECKSUM".equals(value)) {
            value = flipCaseOfOneLetter(aliceAddress);
        }
        form.put(field, "ALICES_DEPOSIT_ADDRESS".equals(value) ? aliceAddress : value);
        long cases = caseRows();
        long processes = processInstances();

        Api.Answer answer = api.post("alice", "/api/v1/cases", form);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("code").asText()).isEqualTo(code);
            assertThat(error.get("message").asText()).isNotBlank();
        });
        assertThat(caseRows()).isEqualTo(cases);
        assertThat(processInstances()).isEqualTo(processes);
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        Map<String, Object> form = validForm();
        form.put("txHash", "nope");
        form.put("chain", "nowhere");
        form.put("refundAddress", "0x12");

        Api.Answer answer = api.post("alice", "/api/v1/cases", form);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("txHash", "chain", "refundAddress");
    }

    @Test
    void refusesUnknownJsonFieldsAndStoresNothing() {
        Map<String, Object> form = validForm();
        form.put("adminOverride", true);
        long cases = caseRows();

        Api.Answer answer = api.post("alice", "/api/v1/cases", form);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().toString()).contains("adminOverride");
        assertThat(caseRows()).isEqualTo(cases);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        long cases = caseRows();

        Api.Answer answer = api.postRaw("alice", "/api/v1/cases", "text/plain", Api.json(validForm()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors")).extracting(e -> e.get("field").asText() + ":" + e.get("code").asText())
                .containsExactly("Content-Type:UNSUPPORTED_CONTENT_TYPE");
        assertThat(caseRows()).isEqualTo(cases);
    }

    @Test
    void refusesAnOversizedBody() {
        Map<String, Object> form = validForm();
        form.put("note", "x".repeat(200_000));
        long cases = caseRows();

        Api.Answer answer = api.post("alice", "/api/v1/cases", form);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors")).extracting(e -> e.get("field").asText() + ":" + e.get("code").asText())
                .containsExactly("body:BODY_TOO_LARGE");
        assertThat(caseRows()).isEqualTo(cases);
    }

    @Test
    void refusesAnonymousFiling() {
        Api.Answer answer = api.post(null, "/api/v1/cases", validForm());

        assertThat(answer.status()).isEqualTo(401);
    }

    private Map<String, Object> validForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("type", "WRONG_NETWORK");
        form.put("chain", "bsc");
        form.put("txHash", "0x" + "ab".repeat(32));
        form.put("depositAddress", aliceAddress);
        form.put("tokenContract", USDT);
        form.put("refundAddress", REFUND);
        return form;
    }

    private static String flipCaseOfOneLetter(String address) {
        char[] chars = address.toCharArray();
        for (int i = 2; i < chars.length; i++) {
            if (Character.isLetter(chars[i])) {
                chars[i] = Character.isUpperCase(chars[i]) ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
                String flipped = new String(chars);
                if (!flipped.substring(2).equals(flipped.substring(2).toLowerCase()) && !flipped.substring(2).equals(flipped.substring(2).toUpperCase())) {
                    return flipped;
                }
            }
        }
        throw new IllegalStateException("address has no letter to flip: " + address);
    }

    private long caseRows() {
        return jdbc.sql("select count(*) from recovery.recovery_case").query(Long.class).single();
    }

    private long processInstances() {
        return history.createHistoricProcessInstanceQuery().count();
    }
}
