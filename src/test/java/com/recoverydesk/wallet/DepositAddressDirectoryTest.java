package com.recoverydesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recoverydesk.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who holds which deposit address, for which chains: idempotent issuing, one holder per account. */
class DepositAddressDirectoryTest extends IntegrationTest {

    @Autowired
    DepositAddressDirectory directory;

    @Autowired
    DepositKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuingTheSameAccountAgainOnlyAddsTheNewChains() {
        int account = freshAccount();

        DepositAddress first = directory.issue("carol", account, Set.of("ethereum"));
        DepositAddress again = directory.issue("carol", account, Set.of("ethereum", "bsc"));

        assertThat(first.address()).isEqualTo(keys.depositAddress(account));
        assertThat(first.chains()).containsExactly("ethereum");
        assertThat(again.address()).isEqualTo(first.address());
        assertThat(again.chains()).containsExactlyInAnyOrder("ethereum", "bsc");
        assertThat(rowsFor(first.address())).isEqualTo(1);
    }

    @Test
    void refusesAnAccountAlreadyHeldByAnotherUser() {
        int account = freshAccount();
        directory.issue("carol", account, Set.of("ethereum"));

        assertThatThrownBy(() -> directory.issue("dave", account, Set.of("ethereum")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already held by another user");
        assertThat(directory.owner(keys.depositAddress(account))).get().extracting(DepositAddress::userId).isEqualTo("carol");
    }

    @Test
    void refusesAChainThatChainsYmlDoesNotName() {
        int account = freshAccount();

        assertThatThrownBy(() -> directory.issue("carol", account, Set.of("solana")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("solana");
        assertThat(directory.isDepositAddress(keys.depositAddress(account))).isFalse();
    }

    @Test
    void findsTheHolderWhateverTheLetterCase() {
        int account = freshAccount();
        String address = directory.issue("erin", account, Set.of("bsc")).address();

        assertThat(directory.owner(address.toLowerCase())).get()
                .extracting(DepositAddress::userId, DepositAddress::accountIndex).containsExactly("erin", account);
        assertThat(directory.owner("0x" + address.substring(2).toUpperCase())).isPresent();
        assertThat(directory.isDepositAddress(address)).isTrue();
    }

    @Test
    void knowsNothingOfAddressesItNeverIssuedOrThatAreNotAddresses() {
        assertThat(directory.isDepositAddress(keys.depositAddress(freshAccount()))).isFalse();
        assertThat(directory.owner("0x1234")).isEmpty();
        assertThat(directory.owner(null)).isEmpty();
        assertThat(directory.addressesOf("nobody-at-all")).isEmpty();
    }

    @Test
    void listsAUsersAddressesInTheOrderTheyWereIssued() {
        int first = freshAccount();
        int second = first + 1;
        directory.issue("frank", second, Set.of("bsc"));
        directory.issue("frank", first, Set.of("ethereum"));

        assertThat(directory.addressesOf("frank")).extracting(DepositAddress::accountIndex).containsExactly(first, second);
    }

    @Test
    void racingIssuersOfOneAccountLeaveExactlyOneHolder() throws Exception {
        int account = freshAccount();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (String user : List.of("gina", "hank", "gina", "hank")) {
                Callable<String> issue = () -> {
                    try {
                        return directory.issue(user, account, Set.of("ethereum")).userId();
                    } catch (IllegalStateException refused) {
                        return "refused";
                    }
                };
                outcomes.add(pool.submit(issue));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }

            String holder = directory.owner(keys.depositAddress(account)).orElseThrow().userId();
            assertThat(results).containsOnly(holder, "refused").filteredOn(holder::equals).hasSize(2);
            assertThat(rowsFor(keys.depositAddress(account))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private long rowsFor(String address) {
        return jdbc.sql("select count(*) from recovery.deposit_address where address = :a").param("a", address).query(Long.class).single();
    }

    /** Accounts far above the demo users', different in every test, so tests never share an address. */
    private static int freshAccount() {
        return ThreadLocalRandom.current().nextInt(1_000, 1_000_000) * 2;
    }
}
