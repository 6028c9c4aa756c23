package com.recoverydesk.credited;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Operators import what the deposit system credited: idempotently, and all or nothing on bad input. */
class CreditedDepositImportTest extends IntegrationTest {

    private static final String ADDRESS = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Autowired
    CreditedDeposits credited;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
    }

    @Test
    void importsDepositsAndIgnoresTheSameDepositsImportedAgain() {
        String tx1 = randomTx();
        String tx2 = randomTx();
        List<Map<String, Object>> deposits = List.of(entry(tx1, 0), entry(tx2, 3), entry(tx2.toUpperCase().replace("0X", "0x"), 4));
        long before = credited.count();

        Api.Answer first = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", deposits));
        Api.Answer again = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", deposits));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("imported").asInt()).isEqualTo(3);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("imported").asInt()).isZero();
        assertThat(again.body().get("alreadyKnown").asInt()).isEqualTo(3);
        assertThat(credited.count()).isEqualTo(before + 3);
        assertThat(credited.isCredited("bsc", tx2, 3)).isTrue();
        assertThat(credited.isCredited("bsc", tx2, 5)).isFalse();
    }

    @Test
    void refusesABatchWithBadEntriesNamingEachFieldAndStoresNone() {
        Map<String, Object> badTx = entry("0x1234", 0);
        Map<String, Object> badChecksum = entry(randomTx(), 0);
        badChecksum.put("depositAddress", "0x70997970c51812DC3A010C7d01b50e0d17dc79C8");
        Map<String, Object> badChain = entry(randomTx(), 0);
        badChain.put("chain", "solana");
        Map<String, Object> badAmount = entry(randomTx(), -2);
        badAmount.put("amount", "12.5");
        long before = credited.count();

        Api.Answer answer = api.post("admin", "/api/v1/admin/credited-deposits",
                Map.of("deposits", List.of(entry(randomTx(), 0), badTx, badChecksum, badChain, badAmount)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder(
                "deposits[1].txHash", "deposits[2].depositAddress", "deposits[3].chain", "deposits[4].logIndex", "deposits[4].amount");
        assertThat(credited.count()).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownFieldInAnEntry() {
        Map<String, Object> entry = entry(randomTx(), 0);
        entry.put("creditedTo", "alice");

        Api.Answer answer = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", List.of(entry)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("deposits[0].creditedTo");
    }

    @Test
    void onlyOperatorsMayImport() {
        Api.Answer asCustomer = api.post("alice", "/api/v1/admin/credited-deposits", Map.of("deposits", List.of(entry(randomTx(), 0))));
        Api.Answer asSpecialist = api.post("sam", "/api/v1/admin/credited-deposits", Map.of("deposits", List.of(entry(randomTx(), 0))));

        assertThat(asCustomer.status()).isEqualTo(403);
        assertThat(asCustomer.body().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(asSpecialist.status()).isEqualTo(403);
    }

    @Test
    void storesANativeCoinDepositWithTheTxidInLowerCaseAndTheAddressChecksummed() {
        String tx = randomTx();
        Map<String, Object> entry = entry("0x" + tx.substring(2).toUpperCase(), -1);
        entry.put("depositAddress", ADDRESS.toLowerCase());
        entry.put("tokenContract", null);
        entry.remove("creditedAt");

        Api.Answer answer = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", List.of(entry)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("imported").asInt()).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("select tx_hash, deposit_address, token_contract, amount, imported_by from recovery.credited_deposit where tx_hash = :t")
                .param("t", tx).query().singleRow();
        assertThat(row).containsEntry("TX_HASH", tx).containsEntry("DEPOSIT_ADDRESS", ADDRESS).containsEntry("TOKEN_CONTRACT", null)
                .containsEntry("IMPORTED_BY", "admin");
        assertThat(row.get("AMOUNT").toString()).isEqualTo("250000000000000000000");
        assertThat(credited.isCredited("bsc", tx.toUpperCase().replace("0X", "0x"), -1)).isTrue();
    }

    @Test
    void racingImportsOfTheSameBatchStoreEachDepositOnce() throws Exception {
        List<Map<String, Object>> deposits = List.of(entry(randomTx(), 0), entry(randomTx(), 1), entry(randomTx(), 2));
        long before = credited.count();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", deposits))));
            }
            int imported = 0;
            int known = 0;
            for (Future<Api.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                imported += answer.get().body().get("imported").asInt();
                known += answer.get().body().get("alreadyKnown").asInt();
            }

            assertThat(imported).isEqualTo(3);
            assertThat(known).isEqualTo(6);
            assertThat(credited.count()).isEqualTo(before + 3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptsAThousandDepositsInOneRequestButNotMore() {
        List<Map<String, Object>> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(entry(randomTx(), i));
        }
        List<Map<String, Object>> tooMany = new ArrayList<>(thousand);
        tooMany.add(entry(randomTx(), 0));
        long before = credited.count();

        Api.Answer refused = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", tooMany));
        Api.Answer accepted = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", thousand));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("deposits");
        assertThat(refused.body().get("errors").get(0).get("code").asText()).isEqualTo("TOO_MANY");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("imported").asInt()).isEqualTo(1000);
        assertThat(credited.count()).isEqualTo(before + 1000);
    }

    @Test
    void refusesAnEmptyOrMissingList() {
        Api.Answer empty = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", List.of()));
        Api.Answer missing = api.post("admin", "/api/v1/admin/credited-deposits", Map.of());

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").get(0).get("field").asText()).isEqualTo("deposits");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").get(0).get("code").asText()).isEqualTo("REQUIRED");
    }

    @Test
    void namesEachBadFieldOfOneEntryAndTheBadTokenContract() {
        Map<String, Object> bad = entry(randomTx(), 0);
        bad.put("depositAddress", "0x7099");
        bad.put("tokenContract", "0x5fbdb2315678afecb367f032d93F642f64180aa3"); // mixed case that fails the checksum
        bad.put("logIndex", -2);
        bad.put("amount", "-5");
        bad.put("creditedAt", "yesterday");
        long before = credited.count();

        Api.Answer answer = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", List.of(entry(randomTx(), 0), bad)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.body().get("errors")).extracting(e -> e.get("field").asText() + " " + e.get("code").asText()).containsExactlyInAnyOrder(
                "deposits[1].depositAddress INVALID_ADDRESS", "deposits[1].tokenContract BAD_CHECKSUM", "deposits[1].logIndex INVALID_LOG_INDEX",
                "deposits[1].amount INVALID_AMOUNT", "deposits[1].creditedAt INVALID_TIME");
        assertThat(credited.count()).isEqualTo(before);
    }

    @Test
    void refusesAWrongTypeNamingTheField() {
        Map<String, Object> entry = entry(randomTx(), 0);
        entry.put("logIndex", "first");
        long before = credited.count();

        Api.Answer answer = api.post("admin", "/api/v1/admin/credited-deposits", Map.of("deposits", List.of(entry)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("deposits[0].logIndex");
        assertThat(answer.body().get("errors").get(0).get("code").asText()).isEqualTo("WRONG_TYPE");
        assertThat(credited.count()).isEqualTo(before);
    }

    private static Map<String, Object> entry(String tx, int logIndex) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("chain", "bsc");
        entry.put("txHash", tx);
        entry.put("logIndex", logIndex);
        entry.put("depositAddress", ADDRESS);
        entry.put("tokenContract", USDT);
        entry.put("amount", "250000000000000000000");
        entry.put("creditedAt", "2026-11-20T10:15:30Z");
        return entry;
    }

    private static String randomTx() {
        return "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
