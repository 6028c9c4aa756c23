package com.recoverydesk.fees;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Keys;

/** The public quote for a token no chain lists reads the token's decimals from its contract, on a real anvil. */
class UnlistedTokenQuoteTest extends IntegrationTest {

    @Autowired
    ChainClients chains;

    Api api;
    TestDeposits deposits;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        deposits = new TestDeposits(chains);
    }

    @Test
    void anUnlistedTokenOfSixDecimalsIsQuotedInItsOwnUnits() {
        String token = Keys.toChecksumAddress(deposits.deploy("bsc", "DemoToken", FunctionEncoder.encodeConstructor(List.<Type>of(
                new Utf8String("Six"), new Utf8String("SIX"), new Uint8(6), new Uint256(BigInteger.TEN.pow(15)))), TestDeposits.RICH));

        Api.Answer answer = quote(token, "250.5");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode q = answer.body();
        assertThat(q.get("tokenContract").asText()).isEqualTo(token);
        assertThat(q.get("symbol").asText()).isEqualTo("SIX");
        assertThat(q.get("decimals").asInt()).isEqualTo(6);
        assertThat(q.get("amount").asText()).isEqualTo("250500000");
        assertThat(q.get("priced").asBoolean()).isFalse();
        assertThat(q.get("priceUnavailable").asText()).isEqualTo("the token is not listed on bsc, so no price feed names it");
    }

    @Test
    void anAmountFinerThanTheTokensDecimalsIsRefused() {
        String token = deposits.deploy("bsc", "DemoToken", FunctionEncoder.encodeConstructor(List.<Type>of(
                new Utf8String("Two"), new Utf8String("TWO"), new Uint8(2), new Uint256(BigInteger.TEN.pow(12)))), TestDeposits.RICH);

        Api.Answer answer = quote(token, "1.005");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asText()).isEqualTo("amount");
            assertThat(e.get("code").asText()).isEqualTo("TOO_PRECISE");
        });
    }

    @Test
    void aContractThatIsNotAnErc20GetsAClearRefusal() {
        String emitter = Keys.toChecksumAddress(deposits.deploy("bsc", "TransferEmitter", null, TestDeposits.RICH));

        Api.Answer answer = quote(emitter, "100");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asText()).isEqualTo("token");
            assertThat(e.get("code").asText()).isEqualTo("NOT_AN_ERC20");
            assertThat(e.get("message").asText()).isEqualTo("The contract " + emitter
                    + " on bsc does not answer decimals() as an ERC-20 token does, so we cannot recover it.");
        });
    }

    @Test
    void anAddressWithoutCodeIsNotAnErc20Either() {
        Api.Answer answer = quote("0x000000000000000000000000000000000000dEaD", "100");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors")).singleElement()
                .satisfies(e -> assertThat(e.get("code").asText()).isEqualTo("NOT_AN_ERC20"));
    }

    private Api.Answer quote(String token, String amount) {
        return api.get(null, "/api/v1/fees/quote?type=UNLISTED_TOKEN&chain=bsc&token=" + token + "&amount=" + amount);
    }
}
