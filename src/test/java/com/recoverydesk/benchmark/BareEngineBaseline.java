package com.recoverydesk.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The baseline: the application's own BPMN, deployed on a bare engine whose every delegate and task listener
 * is a no-op, on the same kind of database with the same job executor settings and history level, started
 * directly through the engine's API (no HTTP, no case row, no chain). What the engine alone costs per case.
 */
final class BareEngineBaseline {

    static final String[] RESOURCES = {"bpmn/wrong-network-recovery.bpmn", "bpmn/deposit-verification.bpmn",
            "bpmn/case-resolution.bpmn", "bpmn/recovery-policy.dmn", "bpmn/review-appeal.form", "bpmn/approve-refund.form"};

    private BareEngineBaseline() {
    }

    /** The job executor and connection pool to mirror, as the application runs them. */
    record Settings(String historyLevel, int corePoolSize, int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition, int waitTimeInMillis,
            long maxWait, int backoffTimeInMillis, int connectionPoolSize) {
    }

    static Figures run(String jdbcUrl, String user, String password, Settings settings, int warmUp, int total, int concurrency) throws Exception {
        Arrivals arrivals = new Arrivals();
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(jdbcUrl);
            dataSource.setUsername(user);
            dataSource.setPassword(password);
            dataSource.setMaximumPoolSize(settings.connectionPoolSize());
            ProcessEngine engine = configuration(dataSource, settings, new NoOpStep(arrivals)).buildProcessEngine();
            try {
                DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("baseline");
                for (String resource : RESOURCES) {
                    deployment.addString(resource, withNoOpDelegates(read(resource)));
                }
                deployment.deploy();
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < warmUp + total; i++) {
                    keys.add(UUID.randomUUID().toString());
                }
                Function<String, Duration> startOne = key -> {
                    long start = System.nanoTime();
                    engine.getRuntimeService().startProcessInstanceByKey("wrongNetworkRecovery", key, Map.of("caseId", key));
                    return arrivals.awaitSince(key, start);
                };
                ClosedLoad.run(keys.subList(0, warmUp), concurrency, startOne);
                QueryStatistics statistics = QueryStatistics.startIfAsked(dataSource);
                Figures figures = ClosedLoad.run(keys.subList(warmUp, keys.size()), concurrency, startOne);
                statistics.print(total);
                return figures;
            } finally {
                engine.close();
            }
        }
    }

    private static StandaloneProcessEngineConfiguration configuration(HikariDataSource dataSource, Settings settings, NoOpStep noOp) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("baseline");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(settings.historyLevel());
        configuration.setAuthorizationEnabled(true);
        configuration.setIdGenerator(new StrongUuidGenerator()); // as the Spring Boot starter does
        configuration.setBeans(Map.of("noOp", noOp));
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setCorePoolSize(settings.corePoolSize());
        jobExecutor.setMaxPoolSize(settings.maxPoolSize());
        jobExecutor.setQueueSize(settings.queueCapacity());
        jobExecutor.setMaxJobsPerAcquisition(settings.maxJobsPerAcquisition());
        jobExecutor.setWaitTimeInMillis(settings.waitTimeInMillis());
        jobExecutor.setMaxWait(settings.maxWait());
        jobExecutor.setBackoffTimeInMillis(settings.backoffTimeInMillis());
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(true);
        return configuration;
    }

    /** Every delegate and listener becomes the no-op; retry cycles become a constant. */
    static String withNoOpDelegates(String xml) {
        return xml.replaceAll("delegateExpression=\"\\$\\{[^}]*}\"", "delegateExpression=\"\\${noOp}\"")
                .replace("${verificationSettings.retryCycle}", "R5/PT1M").replace("${refundSettings.retryCycle}", "R5/PT1M");
    }

    private static String read(String resource) {
        try (InputStream in = BareEngineBaseline.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets what the gateway of verification reads, as the real step does, and nothing else; marks arrival in the review queue. */
    static final class NoOpStep implements JavaDelegate, TaskListener {

        private final Arrivals arrivals;

        NoOpStep(Arrivals arrivals) {
            this.arrivals = arrivals;
        }

        @Override
        public void execute(DelegateExecution execution) {
            switch (execution.getCurrentActivityId()) {
                // the policy as the application ships it, in dry run: the table is evaluated on a clean case's
                // facts (transient, as the real step passes them) and the case goes to people
                case "gatherPolicyFacts" -> {
                    execution.setVariable("policyMode", "DRY_RUN");
                    CLEAN_CASE.forEach((name, value) -> execution.setVariable(name, Variables.untypedValue(value, true)));
                }
                case "applyPolicy" -> execution.setVariable("policyRoute", "REVIEW");
                default -> execution.setVariable("depositState", "CONFIRMED");
            }
        }

        private static final Map<String, Object> CLEAN_CASE = Map.ofEntries(Map.entry("caseType", "WRONG_NETWORK"),
                Map.entry("recoveryMode", "direct"), Map.entry("listed", true), Map.entry("priced", true),
                Map.entry("valueUsd", new BigDecimal("300")), Map.entry("refundToSender", true), Map.entry("senderIsContract", false),
                Map.entry("earlierRejections", 0), Map.entry("otherOpenCases", 0), Map.entry("userAutoUsd24h", new BigDecimal("300")),
                Map.entry("allAutoUsd24h", new BigDecimal("300")));

        @Override
        public void notify(DelegateTask task) {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) && "reviewAppeal".equals(task.getTaskDefinitionKey())) {
                String key = task.getExecution().getProcessBusinessKey();
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, context -> arrivals.arrived(key));
            }
        }
    }
}
