package com.recoverydesk.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/** The sequence flows the engine has taken, by process key, and the check that a model's flows were all taken. */
final class FlowCoverage {

    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    static final ExecutionListener RECORDER = execution -> TAKEN
            .add(execution.getProcessDefinitionId().substring(0, execution.getProcessDefinitionId().indexOf(':')) + "#"
                    + execution.getCurrentTransitionId());

    private FlowCoverage() {
    }

    /** Every sequence flow of the model in bpmn/{file} that the tests so far have not taken. */
    static Set<String> notTaken(String file) {
        BpmnModelInstance model;
        try (InputStream in = Files.newInputStream(BpmnTestEngine.MODELS.resolve(file))) {
            model = Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
        assertThat(flows).as("sequence flows of " + file).isNotEmpty();
        Set<String> missing = new TreeSet<>();
        for (SequenceFlow flow : flows) {
            String process = flow.getParentElement().getAttributeValue("id");
            if (!TAKEN.contains(process + "#" + flow.getId())) {
                missing.add(process + "#" + flow.getId());
            }
        }
        return missing;
    }
}
