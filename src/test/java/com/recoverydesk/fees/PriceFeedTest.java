package com.recoverydesk.fees;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.devnet.DevnetAccounts;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Fees priced by the devnet's own Chainlink-style feeds on a real anvil: the test moves bsc's USDT/USD feed as its
 * owner and watches the quote and the fee charged follow, and a stale, negative or reverting feed give no price.
 */
class PriceFeedTest extends IntegrationTest {

    /** bsc's USDT/USD feed, as chains-test.yml names it. */
    static final String USDT_FEED = "0x98eDDadCfde04dC22a0e62119617e74a6Bc77313";
    static final BigInteger ONE_DOLLAR = BigInteger.valueOf(100_000_000L); // 8 decimals

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

    @AfterEach
    void restoreTheFeed() {
        setReverting(false);
        setAnswer(ONE_DOLLAR, 0);
    }

    @Test
    void movingTheFeedsAnswerMovesTheQuote() {
        setAnswer(ONE_DOLLAR, 0);
        JsonNode atOneDollar = quote("250");
        setAnswer(ONE_DOLLAR.multiply(BigInteger.TWO), 0);
        JsonNode atTwoDollars = quote("250");

        // 5% of 250 USD is below the 20 USD minimum: 20 USDT; of 500 USD it is 25 USD, 12.5 USDT at 2 USD
        assertThat(atOneDollar.get("fee").asText()).isEqualTo("20000000000000000000");
        assertThat(atTwoDollars.get("fee").asText()).isEqualTo("12500000000000000000");
        assertThat(atTwoDollars.get("price").get("source").asText()).isEqualTo("FEED");
        assertThat(atTwoDollars.get("price").get("feed").asText()).isEqualTo(USDT_FEED);
        assertThat(atTwoDollars.get("price").get("feedChain").asText()).isEqualTo("bsc");
        assertThat(atTwoDollars.get("price").get("usd").decimalValue()).isEqualByComparingTo("2");
        assertThat(new BigInteger(atTwoDollars.get("price").get("round").asText()))
                .isEqualTo(new BigInteger(atOneDollar.get("price").get("round").asText()).add(BigInteger.ONE));
    }

    @Test
    void aCaseIsChargedAtTheFeedsPriceAndKeepsIt() {
        setAnswer(ONE_DOLLAR.multiply(BigInteger.TWO), 0);
        String id = fileUsdtOnBsc("250");

        JsonNode c = awaitStatus(id, "IN_REVIEW");

        assertThat(c.get("fee").get("amount").asText()).isEqualTo("12500000000000000000");
        assertThat(c.get("fee").get("valueUsd").decimalValue()).isEqualByComparingTo("500");
        JsonNode price = c.get("price");
        assertThat(price.get("source").asText()).isEqualTo("FEED");
        assertThat(price.get("feed").asText()).isEqualTo(USDT_FEED);
        assertThat(price.get("usd").decimalValue()).isEqualByComparingTo("2");
        assertThat(price.get("round").asText()).matches("\\d+");
        assertThat(Instant.parse(price.get("at").asText())).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
        assertThat(c.get("timeline")).anySatisfy(e -> assertThat(e.get("message").asText())
                .contains("at 2 USD per token from the price feed " + USDT_FEED + " on bsc"));
        assertThat(api.get("sam", "/api/v1/desk/cases/" + id).body().get("case").get("price")).isEqualTo(price);
        String taskId = CaseFlow.taskOf(api, "sam", id, "REVIEW");
        assertThat((String) tasks.getVariableLocal(taskId, "facts")).contains("**Price** 2 USD per token from the feed " + USDT_FEED);
    }

    @Test
    void aStaleFeedGivesNoPriceAndTheCaseGoesToAValuation() {
        setAnswer(ONE_DOLLAR, Instant.now().minus(Duration.ofDays(2)).getEpochSecond());

        JsonNode quote = quote("250");
        String id = fileUsdtOnBsc("250");
        JsonNode c = awaitStatus(id, "IN_REVIEW");

        assertThat(quote.get("priced").asBoolean()).isFalse();
        assertThat(quote.has("fee")).isFalse();
        assertThat(quote.get("priceUnavailable").asText()).contains("longer ago than its max-price-age PT24H");
        assertThat(quote.get("message").asText()).startsWith("The price is unavailable: an appeals specialist values the deposit");
        assertThat(c.has("fee")).isFalse();
        assertThat(c.has("price")).isFalse();
        assertThat(c.get("timeline")).anySatisfy(e -> {
            assertThat(e.get("event").asText()).isEqualTo("VALUATION_NEEDED");
            assertThat(e.get("message").asText()).contains("longer ago than its max-price-age");
        });
    }

    @Test
    void aNegativeAnswerIsNoPrice() {
        setAnswer(BigInteger.ONE.negate(), 0);

        JsonNode quote = quote("250");

        assertThat(quote.get("priced").asBoolean()).isFalse();
        assertThat(quote.get("priceUnavailable").asText())
                .isEqualTo("the price feed " + USDT_FEED + " on bsc answered -0.00000001, which is not a price");
    }

    @Test
    void aRevertingFeedIsNoPrice() {
        setReverting(true);

        JsonNode quote = quote("250");

        assertThat(quote.get("priced").asBoolean()).isFalse();
        assertThat(quote.get("priceUnavailable").asText()).isEqualTo("the price feed " + USDT_FEED + " on bsc did not answer");
    }

    private JsonNode quote(String amount) {
        Api.Answer answer = api.get("alice", "/api/v1/fees/quote?type=WRONG_NETWORK&chain=bsc&token=USDT&amount=" + amount);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private String fileUsdtOnBsc(String whole) {
        String tx = deposits.sendToken("bsc", USDT, alice, new java.math.BigDecimal(whole).movePointRight(18).toBigIntegerExact());
        deposits.mine("bsc", 15);
        return CaseFlow.fileWrongNetwork(api, "alice", "bsc", tx, alice, USDT, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals(status));
        return api.get("alice", "/api/v1/cases/" + id).body();
    }

    private void setAnswer(BigInteger answer, long updatedAt) {
        asOwner(new Function("setAnswer", List.<Type>of(new Int256(answer), new Uint256(updatedAt)), List.of()));
    }

    private void setReverting(boolean reverting) {
        asOwner(new Function("setReverting", List.<Type>of(new Bool(reverting)), List.of()));
    }

    private void asOwner(Function function) {
        String tx = deposits.call("bsc", DevnetAccounts.PRICE_FEED_OWNER, USDT_FEED, FunctionEncoder.encode(function));
        assertThat(deposits.receipt("bsc", tx).isStatusOK()).isTrue();
    }
}
