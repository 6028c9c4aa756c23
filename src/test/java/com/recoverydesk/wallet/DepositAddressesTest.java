package com.recoverydesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/** A customer sees their own deposit addresses and the chains each was issued for, and nothing else. */
class DepositAddressesTest extends IntegrationTest {

    @Value("${recovery.wallet.deposit-mnemonic}")
    String mnemonic;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
    }

    @Test
    void showsAliceExactlyHerEthereumAddressOfAccountOne() {
        Api.Answer answer = api.get("alice", "/api/v1/me/deposit-addresses");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).hasSize(1);
        JsonNode address = answer.body().get(0);
        assertThat(address.get("address").asText()).isEqualTo(accountAddress(1));
        assertThat(address.get("chains")).extracting(JsonNode::asText).containsExactly("ethereum");
    }

    @Test
    void showsBobHisOwnAddressOfAccountTwoNotAlices() {
        String alices = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();

        Api.Answer answer = api.get("bob", "/api/v1/me/deposit-addresses");

        assertThat(answer.body()).hasSize(1);
        assertThat(answer.body().get(0).get("address").asText()).isEqualTo(accountAddress(2)).isNotEqualTo(alices);
    }

    @Test
    void neverShowsTheAccountIndexOrAKey() {
        JsonNode address = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0);

        assertThat(address.fieldNames()).toIterable().containsExactlyInAnyOrder("address", "chains");
    }

    @Test
    void showsNoAddressesToAUserWhoHoldsNone() {
        Api.Answer answer = api.get("sam", "/api/v1/me/deposit-addresses");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void refusesAnAnonymousCallerAsProblemJson() {
        Api.Answer answer = api.get(null, "/api/v1/me/deposit-addresses");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    /** Derived here straight from the configured mnemonic, independently of {@link DepositKeys}. */
    private String accountAddress(int index) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        Bip32ECKeyPair account = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | hardened, 60 | hardened, hardened, 0, index});
        return Keys.toChecksumAddress(Credentials.create(account).getAddress());
    }
}
