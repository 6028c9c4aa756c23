package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.math.BigInteger;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * After a token refund's transfers are confirmed, sends what its gas top-ups left on the deposit address back to
 * the gas station, when that is worth more than the sweep's own gas. Only the case's own leftover is swept (its
 * top-ups less the gas its transfers paid), never more than the address holds beyond its other cases' pending
 * transactions: native coin a user sent there belongs to that user's case. The sweep is one more stored
 * transaction of the case, signed here in the check's transaction, broadcast by the next broadcast step and
 * confirmed like the others before the case completes.
 */
@Component
class DustSweep {

    private final RefundLedger ledger;
    private final RefundChain chain;
    private final RefundSigning signing;
    private final RecoveryRules rules;
    private final CaseStore cases;
    private final Timeline timeline;

    DustSweep(RefundLedger ledger, RefundChain chain, RefundSigning signing, RecoveryRules rules, CaseStore cases, Timeline timeline) {
        this.ledger = ledger;
        this.chain = chain;
        this.signing = signing;
        this.rules = rules;
        this.cases = cases;
        this.timeline = timeline;
    }

    /** @return whether a sweep was signed and stored now (the case then waits for it) */
    boolean sweep(String caseId) {
        List<RefundTransaction> txs = ledger.of(caseId);
        RefundTransaction refund = txs.stream().filter(tx -> tx.purpose() == Purpose.REFUND && tx.status() == RefundTransaction.Status.CONFIRMED)
                .findFirst().orElse(null);
        if (refund == null || refund.tokenContract() == null || txs.stream().anyMatch(tx -> tx.purpose() == Purpose.SWEEP)) {
            return false;
        }
        String deposit = refund.from();
        BigInteger leftover = GasAccount.of(txs, deposit).leftOnDeposit();
        if (leftover.signum() <= 0 || txs.stream().anyMatch(tx -> tx.status() == RefundTransaction.Status.CONFIRMED && tx.effectiveGasPrice() == null)) {
            return false; // nothing of ours there, or a node that did not say what the gas cost: never guess
        }
        ChainConfig config = rules.chain(refund.chain()).orElseThrow();
        ledger.lockSender(config.name(), deposit);
        if (ledger.has(caseId, Purpose.SWEEP)) {
            return false;
        }
        RefundChain.Reading reading = chain.read(config, deposit, List.of());
        BigInteger free = reading.balance().subtract(ledger.reservedGas(config.name(), deposit)).subtract(ledger.pendingValue(config.name(), deposit));
        BigInteger left = leftover.min(free);
        BigInteger cost = RefundSigning.NATIVE_TRANSFER_GAS.multiply(reading.price().maxPerGas());
        RecoveryCase c = cases.find(caseId).orElseThrow();
        if (left.compareTo(cost) <= 0) {
            timeline.note(caseId, CaseTransitions.SYSTEM, "DUST_NOT_SWEPT", c.status(), left + " wei of the gas top-up is left on " + deposit
                    + ", not more than a sweep's own gas (" + cost + " wei): it stays there.");
            return false;
        }
        signing.signSweep(c, config, deposit, left.subtract(cost), reading.nonce(), reading.price());
        return true;
    }
}
