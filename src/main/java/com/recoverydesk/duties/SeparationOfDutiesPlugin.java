package com.recoverydesk.duties;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link GroupDutyListener} on every user task of every model the engine deploys, so no model can forget
 * it and no BPMN edit can drop it. Built-in listeners run before the model's own, so a refused decision never
 * reaches the listeners that record it.
 */
@Component
class SeparationOfDutiesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new UserTasks());
        configuration.setCustomPreBPMNParseListeners(listeners);
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new RefusalsAsRefusals());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * The engine wraps whatever a task listener throws in a plain {@link ProcessEngineException}, which the engine
     * REST API and Tasklist answer with 500. A refusal is no server error: this hands the listener's
     * {@link AuthorizationException} (ours, and four-eyes') to the caller as itself, so they answer 403. The command
     * has been rolled back by then.
     */
    private static final class RefusalsAsRefusals extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                    if (cause instanceof AuthorizationException refusal) {
                        throw refusal;
                    }
                }
                throw e;
            }
        }
    }

    private static final class UserTasks extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            GroupDutyListener duty = new GroupDutyListener(task.getCandidateGroupIdExpressions());
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, duty);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, duty);
        }
    }
}
