package com.recoverydesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.MutableClock;
import com.recoverydesk.support.StoredCases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * History does not grow forever: the engine's history of a finished instance goes after its time-to-live, and the
 * application's finished cases go after {@code recovery.retention}, exportable before they do.
 */
class RetentionTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    RetentionPurge purge;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MutableClock clock;

    @Test
    void everyProcessAndDecisionDefinitionHasAHistoryTimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        assertThat(repository.createDecisionDefinitionQuery().list())
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
        assertThat(config.getHistoryCleanupBatchSize()).isEqualTo(500);
    }

    @Test
    void historyCleanupRemovesAFinishedInstancesHistoryOnceItsTimeToLiveHasPassed() {
        // a model without its own time-to-live (the model builder would set 180 days): the engine's default (recovery.history.time-to-live, P365D) applies
        String deployment = repository.createDeployment().addModelInstance("ttl-probe.bpmn",
                Bpmn.createExecutableProcess("ttlProbe").camundaHistoryTimeToLiveString(null).startEvent().endEvent().done()).deploy().getId();
        try {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ttlProbe").singleResult().getHistoryTimeToLive())
                    .isEqualTo(365);
            String finished = runtime.startProcessInstanceByKey("ttlProbe").getId();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished).finished().count()).isEqualTo(1);

            cleanUpAt(Instant.now().plus(Duration.ofDays(364)));
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isEqualTo(1);

            // each run removes at most a batch per kind of history row, and the shared database holds the history of
            // every earlier test, all of it due a year on: run the job until this instance's turn has come
            for (int run = 0; run < 20 && historyRowsOf(finished) > 0; run++) {
                cleanUpAt(Instant.now().plus(Duration.ofDays(366)));
            }
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(finished).count()).isZero();
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private long historyRowsOf(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count()
                + history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).count();
    }

    /** Runs the engine's history cleanup job now, with the engine's clock at {@code at}, and puts the clock back. */
    private void cleanUpAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        try {
            // the running job executor may take the due job at the same moment (while it is scheduled or while it
            // runs); whichever run commits has cleaned up with this clock, and the loser's is repeated
            for (int attempt = 1; ; attempt++) {
                try {
                    Job cleanup = history.cleanUpHistoryAsync(true);
                    management.executeJob(cleanup.getId());
                    break;
                } catch (OptimisticLockingException concurrentRun) {
                    if (attempt == 10) {
                        throw concurrentRun;
                    }
                }
            }
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void thePurgeRemovesOnlyFinishedCasesPastRetentionWithAllTheirRows() {
        StoredCases stored = new StoredCases(jdbc);
        Instant now = clock.instant();
        Instant sixYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(6).toInstant();
        Instant fourYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(4).toInstant();
        String customer = "purge" + UUID.randomUUID().toString().substring(0, 8);
        String oldCompleted = stored.insert(customer, "COMPLETED", sixYearsAgo, sixYearsAgo.plusSeconds(3600));
        String oldRejected = stored.insert(customer, "REJECTED", sixYearsAgo, sixYearsAgo);
        String oldButOpen = stored.insert(customer, "INFO_REQUESTED", sixYearsAgo, sixYearsAgo);
        String finishedWithinRetention = stored.insert(customer, "COMPLETED", sixYearsAgo, fourYearsAgo);
        withOutboxAndRefund(oldCompleted, sixYearsAgo);

        int purged = purge.purge();

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(caseIdsOf(customer)).containsExactlyInAnyOrder(oldButOpen, finishedWithinRetention);
        for (String table : List.of("case_event", "notification_outbox", "refund_transaction")) {
            assertThat(jdbc.sql("select count(*) from recovery." + table + " where case_id in (:ids)")
                    .param("ids", List.of(oldCompleted, oldRejected)).query(Long.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("select count(*) from recovery.case_event where case_id = :id").param("id", oldButOpen).query(Long.class).single())
                .isEqualTo(2);
        assertThat(purge.purge()).isZero();
    }

    @Test
    void operatorsExportFinishedCasesWithTheirTimelinesAsNdjsonAndCsv() throws IOException {
        StoredCases stored = new StoredCases(jdbc);
        Instant longAgo = Instant.parse("2011-05-01T08:00:00Z");
        String customer = "export" + UUID.randomUUID().toString().substring(0, 8);
        String completed = stored.insert(customer, "COMPLETED", longAgo, longAgo.plusSeconds(60));
        String rejected = stored.insert(customer, "REJECTED", longAgo.plusSeconds(1), longAgo.plusSeconds(120));
        String open = stored.insert(customer, "IN_REVIEW", longAgo, longAgo);
        String later = stored.insert(customer, "COMPLETED", longAgo, Instant.parse("2012-02-01T00:00:00Z"));
        jdbc.sql("update recovery.recovery_case set note = '=HYPERLINK(\"x\")', reason_message = 'Not, \"ours\"', fact_amount = 250000000000000000000 where id = :id")
                .param("id", rejected).update();

        HttpResponse<String> ndjson = get("admin", "/api/v1/admin/cases/export?format=ndjson&closedBefore=2012-01-01");
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(ndjson.headers().firstValue("Content-Length")).isEmpty();
        List<JsonNode> mine = new ArrayList<>();
        for (String line : ndjson.body().split("\n")) {
            JsonNode c = new ObjectMapper().readTree(line);
            if (c.get("customerId").asText().equals(customer)) {
                mine.add(c);
            }
        }
        assertThat(mine).extracting(c -> c.get("id").asText()).containsExactly(completed, rejected);
        assertThat(mine.get(0).get("timeline")).extracting(e -> e.get("event").asText()).containsExactly("SUBMITTED", "COMPLETED");
        assertThat(mine.get(0).get("updatedAt").asText()).isEqualTo("2011-05-01T08:01:00Z");
        assertThat(mine.get(1).get("factAmount").asText()).isEqualTo("250000000000000000000");

        HttpResponse<String> csv = get("admin", "/api/v1/admin/cases/export?format=csv&closedBefore=2012-01-01T00:00:00Z");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,customer_id,type,status,").endsWith(",event_at,event_actor,event_event,event_status,event_reason_code,event_message");
        List<String> rejectedRows = java.util.Arrays.stream(lines).filter(l -> l.startsWith(rejected)).toList();
        assertThat(rejectedRows).hasSize(2);
        assertThat(rejectedRows.get(0)).contains(",\"Not, \"\"ours\"\"\",").contains(",250000000000000000000,");
        assertThat(csv.body()).doesNotContain(open).doesNotContain(later);
    }

    @Test
    void onlyOperatorsMayExportAndBadParametersAreNamed() {
        assertThat(get("sam", "/api/v1/admin/cases/export").statusCode()).isEqualTo(403);
        assertThat(get("alice", "/api/v1/admin/cases/export?format=csv").statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/v1/admin/cases/export").statusCode()).isEqualTo(401);

        Api api = new Api(baseUrl());
        Api.Answer badFormat = api.get("admin", "/api/v1/admin/cases/export?format=xml");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.body().get("errors").get(0).get("field").asText()).isEqualTo("format");
        Api.Answer badDate = api.get("admin", "/api/v1/admin/cases/export?closedBefore=last+year");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("errors").get(0).get("code").asText()).isEqualTo("INVALID_DATE");
    }

    private void withOutboxAndRefund(String caseId, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("insert into recovery.notification_outbox (case_id, recipient, subject, body, created_at, next_attempt_at, sent_at) "
                        + "values (:id, 'a@example.com', 'Refunded', 'Your refund was sent.', :at, :at, :at)")
                .param("id", caseId).param("at", when).update();
        jdbc.sql("insert into recovery.refund_transaction (case_id, chain, purpose, from_address, to_address, amount, nonce, gas_limit, "
                        + "max_fee_per_gas, raw, hash, status, created_at, updated_at) values (:id, 'bsc', 'REFUND', :from, :to, 1, :nonce, 21000, 1, "
                        + "'0x00', :hash, 'CONFIRMED', :at, :at)")
                .param("id", caseId).param("from", "0x" + caseId.replace("-", "").substring(0, 32) + "00000000")
                .param("to", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8").param("nonce", 0)
                .param("hash", "0x" + (caseId.replace("-", "") + caseId.replace("-", "")).substring(0, 64)).param("at", when).update();
    }

    private List<String> caseIdsOf(String customer) {
        return jdbc.sql("select id from recovery.recovery_case where customer_id = :c").param("c", customer).query(String.class).list();
    }

    private HttpResponse<String> get(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
