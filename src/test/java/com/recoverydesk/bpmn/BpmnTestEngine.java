package com.recoverydesk.bpmn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * One bare engine for the fast BPMN tests, shared by all of them: in memory (H2), no job executor, so a test
 * moves every async step and timer itself ({@code execute(job())}); the application's own BPMN and form files
 * from bpmn/, their beans replaced by {@link StandInSteps}. Every sequence flow the engine takes is recorded
 * ({@link FlowCoverage}), so each test class can prove it took every flow of its model.
 */
final class BpmnTestEngine {

    static final Path MODELS = Path.of("bpmn");

    private static ProcessEngine engine;

    private BpmnTestEngine() {
    }

    /** The engine, started and deployed on first use; camunda-bpm-assert is bound to it. */
    static synchronized ProcessEngine get() {
        if (engine == null) {
            engine = start();
        }
        BpmnAwareTests.init(engine);
        return engine;
    }

    private static ProcessEngine start() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("bpmn-tests");
        configuration.setJdbcUrl("jdbc:h2:mem:bpmn-tests;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setMetricsEnabled(false);
        // no CMMN in bpmn/, and DMN's engine (FEEL in Scala) only when a decision table is there: start-up time
        configuration.setCmmnEnabled(false);
        configuration.setDmnEnabled(!models(".dmn").isEmpty());
        Map<Object, Object> beans = new HashMap<>(StandInSteps.beans());
        configuration.setBeans(beans);
        List<BpmnParseListener> listeners = new ArrayList<>();
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scopeElement, TransitionImpl transition) {
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, FlowCoverage.RECORDER);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
        ProcessEngine started = configuration.buildProcessEngine();
        // Built engines register themselves in the JVM-wide ProcessEngines; the application's engine REST API, in
        // the same test JVM, would then find two engines and answer for this one. camunda-bpm-assert is bound
        // directly (init), so this engine need not be findable.
        ProcessEngines.unregister(started);
        DeploymentBuilder deployment = started.getRepositoryService().createDeployment().name("bpmn/");
        try {
            for (Path file : models(".bpmn", ".dmn", ".form")) {
                deployment.addString(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deployment.deploy();
        return started;
    }

    /** The files of bpmn/ with these endings, as the application deploys them. */
    private static List<Path> models(String... endings) {
        try (var files = Files.list(MODELS)) {
            return files.filter(f -> java.util.Arrays.stream(endings).anyMatch(f.toString()::endsWith)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
