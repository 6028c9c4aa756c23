package com.recoverydesk.operations;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStatusChanged;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseType;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.process.CaseProcesses;
import com.recoverydesk.rules.RecoveryMode;
import com.recoverydesk.rules.RecoveryRules;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Metrics for operators (Prometheus at /actuator/prometheus): cases by status and type, how long cases take to
 * reach review and to be completed, JSON-RPC round trips and failures per chain, and open incidents.
 */
@Component
class RecoveryMetrics {

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final Clock clock;
    private final MultiGauge casesByStatus;
    private final Timer toReview;
    private final Timer toCompletion;

    RecoveryMetrics(MeterRegistry registry, JdbcClient jdbc, CaseStore cases, Clock clock, RecoveryRules rules, ChainClients chains,
            CaseProcesses processes) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.casesByStatus = MultiGauge.builder("recovery.cases").description("Cases by status and type").register(registry);
        this.toReview = Timer.builder("recovery.case.time.to.review").description("From filing to the review queue").register(registry);
        this.toCompletion = Timer.builder("recovery.case.time.to.completion").description("From filing to a confirmed refund").register(registry);
        rules.chains().values().stream().filter(c -> c.recovery() != RecoveryMode.UNSUPPORTED).forEach(chain -> {
            FunctionCounter.builder("recovery.rpc.calls", chains, c -> c.roundTrips(chain.name())).tag("chain", chain.name())
                    .description("JSON-RPC round trips to the chain's node").register(registry);
            FunctionCounter.builder("recovery.rpc.errors", chains, c -> c.failedRoundTrips(chain.name())).tag("chain", chain.name())
                    .description("JSON-RPC round trips that failed").register(registry);
        });
        Gauge.builder("recovery.incidents.open", processes, CaseProcesses::openIncidents)
                .description("Open incidents in the engine (steps whose retries ran out)").register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${recovery.metrics.refresh-interval:PT15S}")
    void refresh() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select type, status, count(*) from recovery.recovery_case group by type, status")
                .query((rs, row) -> counts.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3))).list();
        List<MultiGauge.Row<?>> rows = new java.util.ArrayList<>();
        for (CaseType type : CaseType.values()) {
            for (CaseStatus status : CaseStatus.values()) {
                rows.add(MultiGauge.Row.of(Tags.of("type", type.name(), "status", status.name()),
                        counts.getOrDefault(type.name() + "|" + status.name(), 0L)));
            }
        }
        casesByStatus.register(rows, true);
    }

    @EventListener
    void on(CaseStatusChanged change) {
        if (change.status() != CaseStatus.IN_REVIEW && change.status() != CaseStatus.COMPLETED) {
            return;
        }
        cases.find(change.caseId()).ifPresent(c -> (change.status() == CaseStatus.IN_REVIEW ? toReview : toCompletion)
                .record(Duration.between(c.createdAt(), clock.instant())));
    }
}
