package com.recoverydesk.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cases written straight into the application's tables, with a chosen owner, status and filing time: for tests of
 * lists, exports and retention that need many cases at exact times, which filing through the API cannot give.
 */
public final class StoredCases {

    private final JdbcClient jdbc;

    public StoredCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A wrong-network case on bsc, filed at {@code createdAt} and last changed at {@code updatedAt}, with two timeline entries. */
    public String insert(String customer, String status, Instant createdAt, Instant updatedAt) {
        String id = UUID.randomUUID().toString();
        String tx = "0x" + HexFormat.of().formatHex(randomBytes(32));
        OffsetDateTime filed = OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC);
        OffsetDateTime changed = OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC);
        jdbc.sql("""
                insert into recovery.recovery_case (id, customer_id, type, status, chain, tx_hash, deposit_address, refund_address,
                    created_at, updated_at)
                values (:id, :customer, 'WRONG_NETWORK', :status, 'bsc', :tx, '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
                    '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', :filed, :changed)""")
                .param("id", id).param("customer", customer).param("status", status).param("tx", tx)
                .param("filed", filed).param("changed", changed)
                .update();
        event(id, filed, "SUBMITTED", "SUBMITTED", "Case received.");
        event(id, changed, status, status, "Now " + status + ".");
        return id;
    }

    public String insert(String customer, String status, Instant createdAt) {
        return insert(customer, status, createdAt, createdAt);
    }

    private void event(String caseId, OffsetDateTime at, String event, String status, String message) {
        jdbc.sql("insert into recovery.case_event (case_id, at, actor, event, status, message) values (:id, :at, 'test', :event, :status, :message)")
                .param("id", caseId).param("at", at).param("event", event).param("status", status).param("message", message)
                .update();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
