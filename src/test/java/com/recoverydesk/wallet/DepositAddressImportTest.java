package com.recoverydesk.wallet;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.identity.Groups;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.utils.Numeric;

/**
 * The exchange's deposit system loads who holds which deposit address: a streamed NDJSON import that reports
 * every line, stores each good line whole and each bad line not at all, and changes nothing the second time.
 */
class DepositAddressImportTest extends IntegrationTest {

    private static final String PATH = "/api/v1/admin/deposit-addresses";
    private static final String SERVICE_ACCOUNT = "depositbot";
    private static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    DepositAddressDirectory directory;
    @Autowired
    DepositKeys keys;
    @Autowired
    IdentityService identity;
    @Autowired
    ChainClients chains;
    @Autowired
    Signer signer;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        // the exchange's deposit system signs in as a service account of its own group
        if (identity.createGroupQuery().groupId(Groups.DEPOSIT_SYSTEM).count() == 0) {
            identity.saveGroup(identity.newGroup(Groups.DEPOSIT_SYSTEM));
        }
        if (identity.createUserQuery().userId(SERVICE_ACCOUNT).count() == 0) {
            var bot = identity.newUser(SERVICE_ACCOUNT);
            bot.setPassword("demo");
            identity.saveUser(bot);
            identity.createMembership(SERVICE_ACCOUNT, Groups.DEPOSIT_SYSTEM);
        }
    }

    @Test
    void importsEveryLineAndTheSameFileAgainChangesNothing() {
        int account = freshAccount();
        String derived = keys.depositAddress(account);
        String first = randomAddress();
        String second = randomAddress();
        String file = line("ivy", derived, List.of("ethereum"), account) + line("ivy", first, List.of("ethereum", "bsc"), null)
                + line("jack", second.toLowerCase(), List.of("bsc"), null);

        Import once = importAs(SERVICE_ACCOUNT, file);
        Import twice = importAs(SERVICE_ACCOUNT, file);

        assertThat(once.status()).isEqualTo(200);
        assertThat(once.contentType()).startsWith("application/x-ndjson");
        assertThat(once.results()).extracting(r -> r.get("line").asInt() + " " + r.get("address").asText() + " " + r.get("result").asText())
                .containsExactly("1 " + derived + " ADDED", "2 " + first + " ADDED", "3 " + second + " ADDED");
        assertThat(once.summary()).isEqualTo(summary(3, 3, 0, 0, 0));
        assertThat(twice.results()).extracting(r -> r.get("result").asText()).containsExactly("UNCHANGED", "UNCHANGED", "UNCHANGED");
        assertThat(twice.summary()).isEqualTo(summary(3, 0, 0, 3, 0));
        assertThat(directory.owner(derived)).contains(new DepositAddress(derived, "ivy", account, java.util.Set.of("ethereum")));
        assertThat(directory.owner(first)).contains(new DepositAddress(first, "ivy", null, java.util.Set.of("bsc", "ethereum")));
        assertThat(directory.owner(second)).get().extracting(DepositAddress::userId).isEqualTo("jack");
    }

    @Test
    void refusesEachBadLineWithItsReasonAndStoresNothingOfIt() {
        String held = randomAddress();
        directory.register(new AddressRegistration("kate", held, java.util.Set.of("ethereum"), null));
        int account = freshAccount();
        String good = randomAddress();
        String mixedCase = randomAddress();
        String wrongChecksum = mixedCase.substring(0, 2) + swapCase(mixedCase.substring(2));
        String unknownChain = randomAddress();
        String wrongIndex = randomAddress();
        String file = line("liam", wrongChecksum, List.of("ethereum"), null)
                + line("liam", unknownChain, List.of("ethereum", "solana"), null)
                + line("liam", held, List.of("bsc"), null)
                + line("liam", wrongIndex, List.of("ethereum"), account)
                + "{\"userId\": \"liam\", \"address\": \n"
                + line("liam", good, List.of("bsc"), null)
                + "{\"userId\":\"liam\",\"address\":\"" + randomAddress() + "\",\"chains\":[\"bsc\"],\"owner\":\"x\"}\n"
                + line("liam", randomAddress(), List.of(), null)
                + line(" ", randomAddress(), List.of("bsc"), null)
                + line("liam", "0x1234", List.of("bsc"), null)
                + line("liam", randomAddress(), List.of("bsc"), -1)
                + "[1, 2]\n"
                + line("kate", held, List.of("bsc", "polygon-zk"), null);

        Import answer = importAs("admin", file);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.results()).extracting(r -> r.get("line").asInt() + " " + r.get("result").asText() + " " + text(r.get("code")))
                .containsExactly("1 REFUSED BAD_CHECKSUM", "2 REFUSED UNKNOWN_CHAIN", "3 REFUSED HELD_BY_ANOTHER_USER",
                        "4 REFUSED ACCOUNT_INDEX_MISMATCH", "5 REFUSED MALFORMED_JSON", "6 ADDED null", "7 REFUSED MALFORMED_JSON",
                        "8 REFUSED NO_CHAINS", "9 REFUSED INVALID_USER_ID", "10 REFUSED INVALID_ADDRESS", "11 REFUSED INVALID_ACCOUNT_INDEX",
                        "12 REFUSED MALFORMED_JSON", "13 REFUSED UNKNOWN_CHAIN");
        assertThat(answer.results()).allSatisfy(r -> {
            if (r.get("result").asText().equals("REFUSED")) {
                assertThat(r.get("message").asText()).isNotBlank();
            }
        });
        assertThat(answer.results().get(3).get("message").asText()).contains("HD account " + account, keys.depositAddress(account));
        assertThat(answer.results().get(6).get("message").asText()).contains("'owner'");
        assertThat(answer.summary()).isEqualTo(summary(13, 1, 0, 0, 12));
        assertThat(directory.owner(good)).get().extracting(DepositAddress::userId).isEqualTo("liam");
        for (String refused : List.of(mixedCase, unknownChain, wrongIndex)) {
            assertThat(directory.isDepositAddress(refused)).as(refused).isFalse();
        }
        // neither the other user's claim nor the line with one unknown chain added a chain to the held address
        assertThat(directory.owner(held)).contains(new DepositAddress(held, "kate", null, java.util.Set.of("ethereum")));
    }

    @Test
    void addsNewChainsAndTheAccountIndexToAKnownAddressAndRefusesItsSecondHolderInTheSameFile() {
        int account = freshAccount();
        String derived = keys.depositAddress(account);
        String file = line("mia", derived, List.of("ethereum"), null) + line("mia", derived, List.of("ethereum", "bsc"), account)
                + line("noah", derived, List.of("ethereum"), null) + line("mia", derived, List.of("bsc"), null);

        Import answer = importAs(SERVICE_ACCOUNT, file);

        assertThat(answer.results()).extracting(r -> r.get("result").asText() + " " + text(r.get("code")))
                .containsExactly("ADDED null", "UPDATED null", "REFUSED HELD_BY_ANOTHER_USER", "UNCHANGED null");
        assertThat(directory.owner(derived)).contains(new DepositAddress(derived, "mia", account, java.util.Set.of("bsc", "ethereum")));
    }

    @Test
    void streamsMoreLinesThanOneBatchAndReportsATooLongLineWithoutLosingTheNext() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 2_500; i++) {
            file.append(line("olga", randomAddress(), List.of("bsc"), null));
        }
        file.append("{\"userId\":\"").append("o".repeat(10_000)).append("\"}\n");
        String last = randomAddress();
        file.append("\n").append(line("olga", last, List.of("bsc"), null));

        Import answer = importAs(SERVICE_ACCOUNT, file.toString());

        assertThat(answer.results()).hasSize(2_502);
        assertThat(answer.results().get(2_500).get("line").asInt()).isEqualTo(2_501);
        assertThat(answer.results().get(2_500).get("code").asText()).isEqualTo("LINE_TOO_LONG");
        // the blank line is counted but not reported
        assertThat(answer.results().get(2_501).get("line").asInt()).isEqualTo(2_503);
        assertThat(answer.results().get(2_501).get("result").asText()).isEqualTo("ADDED");
        assertThat(answer.summary()).isEqualTo(summary(2_502, 2_501, 0, 0, 1));
        assertThat(directory.addressesOf("olga")).hasSize(2_501);
    }

    @Test
    void refusesAnAccountIndexThatAnotherAddressHoldsAsAfterAChangedMnemonic() {
        int account = freshAccount();
        String recordedEarlier = randomAddress();
        jdbc.sql("insert into recovery.deposit_address (address, user_id, account_index, created_at) values (:a, 'uma', :i, current_timestamp)")
                .param("a", recordedEarlier).param("i", account).update();
        String derived = keys.depositAddress(account);

        Import answer = importAs(SERVICE_ACCOUNT, line("uma", derived, List.of("ethereum"), account));
        Api.Answer upsert = api.put(SERVICE_ACCOUNT, PATH + "/" + derived, Map.of("userId", "uma", "chains", List.of("ethereum"), "accountIndex", account));

        assertThat(answer.results()).extracting(r -> text(r.get("code"))).containsExactly("ACCOUNT_INDEX_TAKEN");
        assertThat(answer.results().get(0).get("message").asText()).contains(recordedEarlier, "recovery.wallet.deposit-mnemonic");
        assertThat(upsert.status()).isEqualTo(409);
        assertThat(upsert.body().get("code").asText()).isEqualTo("ACCOUNT_INDEX_TAKEN");
        assertThat(directory.isDepositAddress(derived)).isFalse();
    }

    @Test
    void racingImportsOfOneFileStoreEachAddressOnceAndAddItOnce() throws Exception {
        StringBuilder file = new StringBuilder();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            addresses.add(randomAddress());
            file.append(line("vera", addresses.get(i), List.of("ethereum", "bsc"), null));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Import>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> importAs(SERVICE_ACCOUNT, file.toString())));
            }
            long added = 0;
            long unchanged = 0;
            for (java.util.concurrent.Future<Import> run : runs) {
                Import answer = run.get();
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.summary().get("refused").asInt()).isZero();
                added += answer.summary().get("added").asLong();
                unchanged += answer.summary().get("unchanged").asLong() + answer.summary().get("updated").asLong();
            }

            assertThat(added).isEqualTo(300);
            assertThat(unchanged).isEqualTo(600);
            assertThat(directory.addressesOf("vera")).hasSize(300).allSatisfy(a -> assertThat(a.chains()).containsExactly("bsc", "ethereum"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void upsertsOneAddressWith201ThenAnswers200() {
        int account = freshAccount();
        String address = keys.depositAddress(account);

        Api.Answer added = api.put(SERVICE_ACCOUNT, PATH + "/" + address, Map.of("userId", "pia", "chains", List.of("ethereum")));
        Api.Answer same = api.put(SERVICE_ACCOUNT, PATH + "/" + address.toLowerCase(), Map.of("userId", "pia", "chains", List.of("ethereum")));
        Api.Answer more = api.put("admin", PATH + "/" + address, Map.of("userId", "pia", "chains", List.of("bsc"), "accountIndex", account));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.location()).isEqualTo(PATH + "/" + address);
        assertThat(added.body().get("result").asText()).isEqualTo("ADDED");
        assertThat(added.body().get("address").asText()).isEqualTo(address);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("result").asText()).isEqualTo("UNCHANGED");
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.body().get("result").asText()).isEqualTo("UPDATED");
        assertThat(more.body().get("accountIndex").asInt()).isEqualTo(account);
        assertThat(more.body().get("chains")).extracting(JsonNode::asText).containsExactly("bsc", "ethereum");
    }

    @Test
    void refusesABadUpsertAsProblemNamingTheReason() {
        String held = randomAddress();
        directory.register(new AddressRegistration("quinn", held, java.util.Set.of("ethereum"), null));
        String mixedCase = randomAddress();
        String fresh = randomAddress();
        int account = freshAccount();

        Api.Answer badChecksum = api.put(SERVICE_ACCOUNT, PATH + "/0x" + swapCase(mixedCase.substring(2)), Map.of("userId", "rose", "chains", List.of("bsc")));
        Api.Answer unknownChain = api.put(SERVICE_ACCOUNT, PATH + "/" + fresh, Map.of("userId", "rose", "chains", List.of("solana")));
        Api.Answer wrongIndex = api.put(SERVICE_ACCOUNT, PATH + "/" + fresh, Map.of("userId", "rose", "chains", List.of("bsc"), "accountIndex", account));
        Api.Answer otherUser = api.put(SERVICE_ACCOUNT, PATH + "/" + held, Map.of("userId", "rose", "chains", List.of("ethereum")));
        Api.Answer wrongType = api.put(SERVICE_ACCOUNT, PATH + "/" + fresh, Map.of("userId", "rose", "chains", List.of("bsc"), "accountIndex", "seven"));

        assertThat(badChecksum.status()).isEqualTo(400);
        assertThat(badChecksum.contentType()).startsWith("application/problem+json");
        assertThat(fieldAndCode(badChecksum)).isEqualTo("address BAD_CHECKSUM");
        assertThat(unknownChain.status()).isEqualTo(400);
        assertThat(fieldAndCode(unknownChain)).isEqualTo("chains UNKNOWN_CHAIN");
        assertThat(wrongIndex.status()).isEqualTo(400);
        assertThat(fieldAndCode(wrongIndex)).isEqualTo("accountIndex ACCOUNT_INDEX_MISMATCH");
        assertThat(otherUser.status()).isEqualTo(409);
        assertThat(otherUser.contentType()).startsWith("application/problem+json");
        assertThat(otherUser.body().get("code").asText()).isEqualTo("HELD_BY_ANOTHER_USER");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(directory.isDepositAddress(fresh)).isFalse();
        assertThat(directory.owner(held)).get().extracting(DepositAddress::userId).isEqualTo("quinn");
    }

    @Test
    void onlyOperatorsAndTheDepositSystemMayLoadAddresses() {
        String address = randomAddress();
        String file = line("sven", address, List.of("bsc"), null);

        for (String user : List.of("alice", "sam", "wendy")) {
            Import imported = importAs(user, file);
            Api.Answer upserted = api.put(user, PATH + "/" + address, Map.of("userId", "sven", "chains", List.of("bsc")));

            assertThat(imported.status()).as(user).isEqualTo(403);
            assertThat(upserted.status()).as(user).isEqualTo(403);
            assertThat(upserted.body().get("code").asText()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.put(null, PATH + "/" + address, Map.of("userId", "sven", "chains", List.of("bsc"))).status()).isEqualTo(401);
        assertThat(directory.isDepositAddress(address)).isFalse();
    }

    @Test
    void aCaseFiledAgainstAnImportedAddressReachesReview() {
        String imported = randomAddress();
        assertThat(importAs(SERVICE_ACCOUNT, line("alice", imported, List.of("ethereum"), null)).summary().get("added").asInt()).isOne();
        TestDeposits deposits = new TestDeposits(chains);
        String tx = deposits.sendToken("bsc", USDT, imported, new BigInteger("250000000000000000000"));
        deposits.mine("bsc", 15);

        String id = CaseFlow.fileWrongNetwork(api, "alice", "bsc", tx, imported, USDT, REFUND);

        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id), s -> !s.equals("SUBMITTED") && !s.equals("VERIFYING"));
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("IN_REVIEW");
        assertThat(api.get("alice", "/api/v1/me/deposit-addresses").body()).extracting(a -> a.get("address").asText()).contains(imported);

        // the application is shared: alice keeps exactly her demo address for the tests that read it
        assertThat(api.post("alice", "/api/v1/cases/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
        jdbc.sql("delete from recovery.deposit_address_chain where address = ?").param(imported).update();
        jdbc.sql("delete from recovery.deposit_address where address = ?").param(imported).update();
    }

    @Test
    void theLocalSignerFindsTheKeyByAddressAndRefusesAnAddressOnlyCustodyKnows() {
        int account = freshAccount();
        String derived = keys.depositAddress(account);
        String custodyOnly = randomAddress();
        importAs(SERVICE_ACCOUNT, line("tara", derived, List.of("bsc"), account) + line("tara", custodyOnly, List.of("bsc"), null));
        RawTransaction tx = RawTransaction.createEtherTransaction(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(21_000), REFUND, BigInteger.ONE);

        String signed = signer.sign(derived, tx, 56);

        assertThat(org.web3j.crypto.TransactionDecoder.decode(signed)).isInstanceOfSatisfying(org.web3j.crypto.SignedRawTransaction.class,
                s -> assertThat(uncheckedFrom(s)).isEqualToIgnoringCase(derived));
        assertThatThrownBy(() -> signer.sign(custodyOnly, tx, 56)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(custodyOnly).hasMessageContaining("custody");
    }

    private static String uncheckedFrom(org.web3j.crypto.SignedRawTransaction signed) {
        try {
            return signed.getFrom();
        } catch (java.security.SignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    private Import importAs(String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + PATH)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> lines = new ArrayList<>();
            for (String line : response.body().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return new Import(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), lines);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Import(int status, String contentType, List<JsonNode> lines) {

        List<JsonNode> results() {
            return lines.stream().filter(l -> l.has("line")).toList();
        }

        JsonNode summary() {
            return lines.get(lines.size() - 1).get("summary");
        }
    }

    private static JsonNode summary(int lines, int added, int updated, int unchanged, int refused) {
        return JSON.valueToTree(Map.of("lines", lines, "added", added, "updated", updated, "unchanged", unchanged, "refused", refused));
    }

    private static String line(String user, String address, List<String> chains, Integer accountIndex) {
        Map<String, Object> line = new HashMap<>();
        line.put("userId", user);
        line.put("address", address);
        line.put("chains", chains);
        if (accountIndex != null) {
            line.put("accountIndex", accountIndex);
        }
        return Api.json(line) + "\n";
    }

    private static String fieldAndCode(Api.Answer answer) {
        JsonNode error = answer.body().get("errors").get(0);
        return error.get("field").asText() + " " + error.get("code").asText();
    }

    private static String text(JsonNode node) {
        return node == null ? "null" : node.asText();
    }

    /** A random address in EIP-55 form with both upper and lower case letters, so its checksum can be broken. */
    static String randomAddress() {
        while (true) {
            byte[] bytes = new byte[20];
            RANDOM.nextBytes(bytes);
            String address = Keys.toChecksumAddress(Numeric.toHexString(bytes));
            String hex = address.substring(2);
            if (!hex.equals(hex.toLowerCase()) && !hex.equals(hex.toUpperCase())) {
                return address;
            }
        }
    }

    /** Inverts the case of every letter: still the address, but its checksum fails. */
    private static String swapCase(String hex) {
        StringBuilder swapped = new StringBuilder();
        for (char c : hex.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }

    private static int freshAccount() {
        return ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000) * 2 + 1;
    }
}
