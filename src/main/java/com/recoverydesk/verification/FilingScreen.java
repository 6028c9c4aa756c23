package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.eligibility.AddressHolder;
import com.recoverydesk.eligibility.EligibilityRules;
import com.recoverydesk.eligibility.Ineligibility;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.wallet.DepositAddressDirectory;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts verification: the case is now being checked, and the rules that need no chain are applied. */
@Service
class FilingScreen {

    private final CaseStore cases;
    private final CaseTransitions transitions;
    private final RecoveryRules rules;
    private final DepositAddressDirectory addresses;

    FilingScreen(CaseStore cases, CaseTransitions transitions, RecoveryRules rules, DepositAddressDirectory addresses) {
        this.cases = cases;
        this.transitions = transitions;
        this.rules = rules;
        this.addresses = addresses;
    }

    /** @return whether the case may go on to the chain */
    @Transactional
    boolean screen(String caseId) {
        RecoveryCase filing = cases.find(caseId).orElseThrow();
        ChainConfig chain = rules.chain(filing.chain()).orElseThrow();
        transitions.move(caseId, CaseStatus.VERIFYING, CaseTransitions.SYSTEM, "VERIFYING",
                "Checking the transaction on " + chain.name() + ".");
        Optional<AddressHolder> holder = addresses.owner(filing.depositAddress())
                .map(a -> new AddressHolder(a.userId(), a.chains()));
        Optional<Ineligibility> verdict = EligibilityRules.screen(filing, chain, holder);
        verdict.ifPresent(v -> transitions.reject(caseId, v.code(), CaseTransitions.SYSTEM, v.detail()));
        return verdict.isEmpty();
    }
}
