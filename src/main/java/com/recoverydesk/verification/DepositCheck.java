package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the deposit from the chain and records what it confirms. */
@Service
class DepositCheck {

    private final CaseStore cases;
    private final CaseTransitions transitions;
    private final Timeline timeline;
    private final RecoveryRules rules;
    private final ChainDepositReader reader;

    DepositCheck(CaseStore cases, CaseTransitions transitions, Timeline timeline, RecoveryRules rules, ChainDepositReader reader) {
        this.cases = cases;
        this.transitions = transitions;
        this.timeline = timeline;
        this.rules = rules;
        this.reader = reader;
    }

    /**
     * @param check     1 for the first read of this case's deposit, 2 for the next, ...
     * @param lastCheck whether the case may not wait for the chain any longer
     */
    @Transactional
    DepositState check(String caseId, int check, boolean lastCheck) {
        RecoveryCase filing = cases.find(caseId).orElseThrow();
        ChainConfig chain = rules.chain(filing.chain()).orElseThrow();
        ChainSnapshot snapshot = reader.read(chain.name(), filing.txHash(), filing.tokenContract());
        DepositReading reading = DepositInterpreter.interpret(snapshot, filing.depositAddress(), filing.tokenContract(),
                chain.confirmations(), lastCheck);
        if (reading instanceof DepositReading.Confirmed confirmed) {
            cases.recordFacts(caseId, confirmed.facts());
            timeline.note(caseId, CaseTransitions.SYSTEM, "DEPOSIT_CONFIRMED", filing.status(),
                    "The chain confirms the deposit of " + confirmed.facts().units(confirmed.facts().amount(), chain.nativeCoin().symbol(),
                            chain.nativeCoin().decimals()) + " in block " + confirmed.facts().blockNumber()
                            + " with " + confirmed.facts().confirmations() + " confirmations.");
            boolean contract = !signedBySender(snapshot, confirmed) && reader.isContract(chain.name(), confirmed.facts().from());
            cases.recordSenderIsContract(caseId, contract);
            if (contract) {
                timeline.note(caseId, CaseTransitions.SYSTEM, "SENDER_IS_CONTRACT", filing.status(),
                        "The deposit came from a contract (" + confirmed.facts().from() + "): a specialist confirms that a refund"
                                + " there reaches the user.");
            }
            return DepositState.CONFIRMED;
        }
        if (reading instanceof DepositReading.Waiting waiting) {
            if (check == 1) {
                timeline.note(caseId, CaseTransitions.SYSTEM, "WAITING_FOR_CHAIN", filing.status(),
                        "Waiting: " + waiting.why() + ". We check again shortly.");
            }
            return DepositState.WAITING;
        }
        var why = ((DepositReading.Ineligible) reading).why();
        transitions.reject(caseId, why.code(), CaseTransitions.SYSTEM, why.detail());
        return DepositState.INELIGIBLE;
    }

    /**
     * Whether the deposit's sender signed the transaction itself (a native transfer, or a token transfer it called): then
     * it holds a key, and asking the node for its code is a round trip that cannot find a contract. A transaction from an
     * account with code is invalid (EIP-3607); the one exception, an EIP-7702 delegation, is still controlled by its key,
     * which can sign refunds onward or drop the delegation, so a refund there reaches whoever sent the deposit. Tokens a
     * contract moved (a smart wallet, a multisig, a forwarder, a router's transferFrom) have another sender than the
     * signer: their code is asked.
     */
    private static boolean signedBySender(ChainSnapshot snapshot, DepositReading.Confirmed confirmed) {
        return snapshot.transaction().getFrom() != null && snapshot.transaction().getFrom().equalsIgnoreCase(confirmed.facts().from());
    }
}
