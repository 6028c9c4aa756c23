package com.recoverydesk.process;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The base of every step a model calls by name ({@code ${beanName}}): a step works on one case, whose id every
 * process of the case carries as the variable {@code caseId}. The step reads its typed inputs, calls a service
 * that knows nothing of the engine, and writes what the model's gateway reads, or ends an ineligible case with
 * {@link Ineligibility}.
 */
public abstract class CaseDelegate implements JavaDelegate {

    @Override
    public final void execute(DelegateExecution execution) throws Exception {
        execute(execution, caseIdOf(execution));
    }

    /** The step's work on the case {@code caseId}. */
    protected abstract void execute(DelegateExecution execution, String caseId) throws Exception;

    /** The case a process (or one of its tasks) belongs to. */
    public static String caseIdOf(VariableScope scope) {
        Object id = scope.getVariable(CaseProcess.CASE_ID);
        if (id == null) {
            throw new IllegalStateException("the process carries no " + CaseProcess.CASE_ID + "; every case process is started with it");
        }
        return id.toString();
    }
}
