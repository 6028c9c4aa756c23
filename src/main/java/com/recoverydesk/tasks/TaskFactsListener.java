package com.recoverydesk.tasks;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.chain.ChainConfig;
import com.recoverydesk.chain.RecoveryRules;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies what a specialist needs to see into the new task's local variables, for the Tasklist forms: facts
 * stay in the case's tables, and the process carries only what its gateways decide on.
 */
@Component("taskFacts")
class TaskFactsListener implements TaskListener {

    private final CaseStore cases;
    private final RecoveryRules rules;

    TaskFactsListener(CaseStore cases, RecoveryRules rules) {
        this.cases = cases;
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        RecoveryCase c = cases.find((String) task.getVariable(CaseProcess.CASE_ID)).orElseThrow();
        ChainConfig chain = rules.chain(c.chain()).orElseThrow();
        DepositFacts f = c.facts();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("caseType", c.type().name());
        shown.put("chain", c.chain());
        shown.put("txHash", c.txHash());
        shown.put("explorerLink", chain.explorerUrl() == null ? "" : chain.explorerUrl() + "/tx/" + c.txHash());
        shown.put("recoveryMode", chain.recovery().name() + (chain.conditions().isEmpty() ? "" : ": " + String.join(" ", chain.conditions())));
        if (f != null) {
            int decimals = f.decimals() != null ? f.decimals() : chain.nativeCoin().decimals();
            shown.put("token", (f.symbol() == null ? chain.nativeCoin().symbol() : f.symbol())
                    + (f.tokenContract() == null ? " (native coin)" : " " + f.tokenContract()));
            shown.put("amount", new BigDecimal(f.amount()).movePointLeft(decimals).toPlainString());
            shown.put("sender", f.from());
            shown.put("depositAddress", f.to());
        }
        shown.put("refundAddress", c.refundAddress());
        shown.put("fee", c.fee() == null ? "no price known: enter a valuation"
                : c.fee().usd().setScale(2, java.math.RoundingMode.UP).toPlainString() + " USD (" + c.fee().rule() + ")");
        task.setVariablesLocal(shown);
    }
}
