package com.recoverydesk.people;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The customer reads us in their language: the quote and the reason of a rejection by Accept-Language, the e-mail
 * by the language stored when they filed. The reason code is the same in every language.
 */
class CustomerLanguageTest extends IntegrationTest {

    static final String STRANGER = "0x000000000000000000000000000000000000dEaD";
    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en-US,en;q=0.9 | Fee: 20.00 USD (20 USDT). You would receive 230 USDT. The fee is 5% of the value, at least 20 and at most 500 USD.",
            "zh-CN,zh;q=0.9 | 费用：20.00 USD（20 USDT）。您将收到 230 USDT。费用为价值的 5%，最低 20 USD，最高 500 USD。",
            "es-ES,es;q=0.8 | Comisión: 20.00 USD (20 USDT). Recibiría 230 USDT. La comisión es el 5% del valor, como mínimo 20 y como máximo 500 USD."})
    void theFeeQuoteIsInTheCustomersLanguageWithAmountsInTokens(String acceptLanguage, String sentence) {
        JsonNode quote = new Api(baseUrl()).in(acceptLanguage).get(null, "/api/v1/fees/quote?type=WRONG_NETWORK&chain=bsc&token=USDT&amount=250").body();

        assertThat(quote.get("message").asText()).isEqualTo(sentence);
        assertThat(quote.get("fee").asText()).isEqualTo("20000000000000000000");
        assertThat(quote.get("refund").asText()).isEqualTo("230000000000000000000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | This deposit is worth less than the fee or the minimum worth recovering (100 USD).",
            "zh-CN | 这笔充值的价值低于费用或值得找回的最低金额（100 USD）。",
            "es | Este depósito vale menos que la comisión o que el mínimo que vale la pena recuperar (100 USD)."})
    void aQuoteBelowTheMinimumSaysSoInTheCustomersLanguage(String acceptLanguage, String start) {
        JsonNode quote = new Api(baseUrl()).in(acceptLanguage).get(null, "/api/v1/fees/quote?type=WRONG_NETWORK&chain=bsc&token=USDT&amount=50").body();

        assertThat(quote.get("coversFee").asBoolean()).isFalse();
        assertThat(quote.get("message").asText()).startsWith(start);
    }

    @Test
    void aLanguageWeDoNotWriteFallsBackToEnglish() {
        JsonNode quote = new Api(baseUrl()).in("de-DE,fr;q=0.5").get(null, "/api/v1/fees/quote?type=WRONG_NETWORK&chain=bsc&token=USDT&amount=250").body();

        assertThat(quote.get("message").asText()).startsWith("Fee: 20.00 USD (20 USDT).");
    }

    @Test
    void aRejectionAndItsEmailAreInTheLanguageOfTheFilingWithTheSameReasonCode() throws Exception {
        Map<String, String[]> expected = Map.of(
                "en", new String[] {"The address you named is not a deposit address of this exchange.", "Your recovery case was rejected", "Case "},
                "zh-CN", new String[] {"您填写的地址不是本交易所的充值地址。", "您的找回申请已被驳回", "申请 "},
                "es", new String[] {"La dirección indicada no es una dirección de depósito de este exchange.",
                        "Su solicitud de recuperación fue rechazada", "Solicitud "});
        for (String language : new String[] {"zh-CN", "es", "en"}) {
            String email = "lang-" + UUID.randomUUID() + "@example.com";
            Api api = new Api(baseUrl()).in(language);
            String id = fileToAStranger(api, email);
            await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals("REJECTED"));

            JsonNode c = api.get("alice", "/api/v1/cases/" + id).body();
            assertThat(c.get("reasonCode").asText()).isEqualTo("NOT_A_DEPOSIT_ADDRESS");
            assertThat(c.get("reasonMessage").asText()).isEqualTo(expected.get(language)[0]);
            // the same case, read in another language, reads in that one
            assertThat(new Api(baseUrl()).in("en").get("alice", "/api/v1/cases/" + id).body().get("reasonMessage").asText())
                    .isEqualTo(expected.get("en")[0]);

            MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(() -> MAIL.received().stream()
                    .filter(m -> recipient(m).equals(email)).findFirst().orElse(null), m -> m != null);
            assertThat(mail.getSubject()).isEqualTo(expected.get(language)[1]);
            assertThat(mail.getContent().toString()).startsWith(expected.get(language)[2] + id)
                    .contains(expected.get(language)[0]).doesNotContainPattern("(^|\\s)\\d{10,}");
        }
    }

    @Test
    void aSpecialistsReasonFollowsTheSentenceInTheCustomersLanguageAsWritten() {
        String id = inReviewAsAlice();
        assertThat(CaseFlow.decide(new Api(baseUrl()), "sam", id, "REVIEW",
                Map.of("decision", "REJECT", "reason", "Duplicate of case 42.")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> CaseFlow.status(new Api(baseUrl()), "alice", id).equals("REJECTED"));

        assertThat(new Api(baseUrl()).in("zh-CN").get("alice", "/api/v1/cases/" + id).body().get("reasonMessage").asText())
                .isEqualTo("申诉专员驳回了此申请。 Duplicate of case 42.");
        assertThat(new Api(baseUrl()).in("es").get("alice", "/api/v1/cases/" + id).body().get("reasonMessage").asText())
                .isEqualTo("Un especialista en reclamaciones rechazó esta solicitud. Duplicate of case 42.");
    }

    @Test
    void aBadFilingIsExplainedInTheCustomersLanguageWithTheSameCodes() {
        Map<String, Object> form = new HashMap<>();
        form.put("type", "WRONG_NETWORK");
        form.put("chain", "bsc");
        form.put("txHash", "0x1234");
        form.put("depositAddress", STRANGER);
        form.put("refundAddress", "0x70997970c51812DC3A010C7d01b50e0d17dc79C8");

        Api.Answer zh = new Api(baseUrl()).in("zh-CN").post("alice", "/api/v1/cases", form);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body().get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(zh.body().get("detail").asText()).isEqualTo("请求中有 2 处错误；每处错误都在“errors”中列出。");
        assertThat(said(zh.body().get("errors"))).containsExactlyInAnyOrder(
                "txHash INVALID_TX_HASH 交易哈希由 0x 加 64 个十六进制字符组成。请从您的钱包或区块浏览器中重新复制。",
                "refundAddress BAD_CHECKSUM 此地址有输入错误：其大小写字母与校验和不符。");

        Api.Answer es = new Api(baseUrl()).in("es").post("alice", "/api/v1/cases", form);
        assertThat(es.body().get("detail").asText()).isEqualTo("La solicitud tiene 2 error(es); cada uno se indica en 'errors'.");
        Api.Answer en = new Api(baseUrl()).in("en").post("alice", "/api/v1/cases", form);
        assertThat(en.body().get("detail").asText()).isEqualTo("The request has 2 mistake(s); each is named under 'errors'.");
    }

    private static java.util.List<String> said(JsonNode errors) {
        return java.util.stream.StreamSupport.stream(errors.spliterator(), false)
                .map(e -> e.get("field").asText() + " " + e.get("code").asText() + " " + e.get("message").asText()).toList();
    }

    @Test
    void thePageGetsItsWordsInTheChosenLanguage() {
        JsonNode words = new Api(baseUrl()).in("zh-CN").get("alice", "/api/v1/messages").body();

        assertThat(words.get("language").asText()).isEqualTo("zh-CN");
        assertThat(words.get("languages")).extracting(JsonNode::asText).containsExactly("en", "zh-CN", "es");
        assertThat(words.get("messages").get("page.file.button").asText()).isEqualTo("提交申请");
        assertThat(words.get("messages").get("status.IN_REVIEW").asText()).isEqualTo("审核中");
        assertThat(words.get("messages").has("mail.follow")).isFalse();
    }

    @Test
    void theApprovalEmailNamesTheRefundInTokensInTheLanguageOfTheFiling() throws Exception {
        String email = "approved-" + UUID.randomUUID() + "@example.com";
        String id = inReviewAsAlice(new Api(baseUrl()).in("es"), email);
        Api staff = new Api(baseUrl());
        CaseFlow.approve(staff, "sam", id, "REVIEW");
        CaseFlow.approve(staff, "wendy", id, "WALLET_APPROVAL");

        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(() -> MAIL.received().stream()
                .filter(m -> recipient(m).equals(email) && subject(m).equals("Su solicitud de recuperación fue aprobada")).findFirst().orElse(null),
                m -> m != null);
        assertThat(mail.getContent().toString())
                .contains("Su reembolso fue aprobado: le enviamos 230 USDT a " + REFUND + ".")
                .doesNotContainPattern("(^|\\s)\\d{10,}");
    }

    private String inReviewAsAlice() {
        return inReviewAsAlice(new Api(baseUrl()), null);
    }

    private String inReviewAsAlice(Api api, String email) {
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        var deposits = new com.recoverydesk.support.TestDeposits(chains);
        String tx = deposits.sendToken("bsc", USDT, alice, new java.math.BigDecimal("250").movePointRight(18).toBigIntegerExact());
        deposits.mine("bsc", 15);
        Map<String, Object> form = new HashMap<>();
        form.put("type", "WRONG_NETWORK");
        form.put("chain", "bsc");
        form.put("txHash", tx);
        form.put("depositAddress", alice);
        form.put("tokenContract", USDT);
        form.put("refundAddress", REFUND);
        form.put("contactEmail", email);
        Api.Answer filed = api.post("alice", "/api/v1/cases", form);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String id = filed.body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));
        return id;
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.recoverydesk.chain.ChainClients chains;

    private static String fileToAStranger(Api api, String email) {
        byte[] tx = new byte[32];
        new SecureRandom().nextBytes(tx);
        Map<String, Object> form = new HashMap<>();
        form.put("type", "WRONG_NETWORK");
        form.put("chain", "bsc");
        form.put("txHash", "0x" + HexFormat.of().formatHex(tx));
        form.put("depositAddress", STRANGER);
        form.put("tokenContract", USDT);
        form.put("refundAddress", REFUND);
        form.put("contactEmail", email);
        Api.Answer filed = api.post("alice", "/api/v1/cases", form);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
