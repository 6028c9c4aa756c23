package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.credited.CreditedDeposits;
import com.recoverydesk.eligibility.EligibilityRules;
import com.recoverydesk.eligibility.Ineligibility;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.RefundTo;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies the rules on confirmed facts, then claims the deposit for this case. */
@Service
class DepositJudgement {

    private final CaseStore cases;
    private final CaseTransitions transitions;
    private final RecoveryRules rules;
    private final CreditedDeposits credited;
    private final Clock clock;
    private final Timeline timeline;

    DepositJudgement(CaseStore cases, CaseTransitions transitions, RecoveryRules rules, CreditedDeposits credited, Clock clock,
            Timeline timeline) {
        this.cases = cases;
        this.transitions = transitions;
        this.rules = rules;
        this.credited = credited;
        this.clock = clock;
        this.timeline = timeline;
    }

    /** @return whether the case is eligible and now holds its deposit */
    @Transactional
    boolean judge(String caseId) {
        RecoveryCase filing = cases.find(caseId).orElseThrow();
        ChainConfig chain = rules.chain(filing.chain()).orElseThrow();
        DepositFacts facts = filing.facts();
        Optional<Ineligibility> verdict = EligibilityRules.judge(facts, chain, clock.instant(),
                credited.isCredited(chain.name(), filing.txHash(), facts.logIndex()));
        RefundTo refundTo = rules.refundTo(chain.name());
        if (verdict.isEmpty()) {
            verdict = EligibilityRules.refundDestination(refundTo, filing.refundAddress(), facts.from());
        }
        if (verdict.isEmpty() && !cases.claim(caseId, chain.name(), filing.txHash(), facts.logIndex())) {
            verdict = Optional.of(new Ineligibility(ReasonCode.ALREADY_CLAIMED, null));
        }
        verdict.ifPresent(v -> transitions.reject(caseId, v.code(), CaseTransitions.SYSTEM, v.detail()));
        if (verdict.isEmpty() && refundTo == RefundTo.SENDER && filing.refundAddress() == null) {
            cases.refundToSender(caseId, facts.from());
            timeline.note(caseId, CaseTransitions.SYSTEM, "REFUND_TO_SENDER", filing.status(),
                    "On " + chain.name() + " refunds go back to the sender: " + facts.from() + ".");
        }
        return verdict.isEmpty();
    }
}
