package com.recoverydesk.eligibility;

import com.recoverydesk.cases.CaseType;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryMode;
import com.recoverydesk.rules.RefundTo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The eligibility rules of chains.yml, as pure functions. The first rule a case breaks decides its reason
 * code, so the order here is the order a user is told about problems: the cheapest, surest checks first.
 */
public final class EligibilityRules {

    private EligibilityRules() {
    }

    /** Rules that need only the filing and the address directory, checked before the chain is asked. */
    public static Optional<Ineligibility> screen(RecoveryCase filing, ChainConfig chain, Optional<AddressHolder> holder) {
        if (chain.recovery() == RecoveryMode.UNSUPPORTED) {
            return reject(ReasonCode.CHAIN_UNSUPPORTED, null);
        }
        if (holder.isEmpty()) {
            return reject(ReasonCode.NOT_A_DEPOSIT_ADDRESS, null);
        }
        if (!holder.get().userId().equals(filing.customerId())) {
            return reject(ReasonCode.NOT_YOUR_DEPOSIT_ADDRESS, null);
        }
        if (filing.tokenContract() != null && chain.isDenylisted(filing.tokenContract())) {
            return reject(ReasonCode.TOKEN_DENYLISTED, null);
        }
        boolean issuedForThisChain = holder.get().issuedFor().contains(chain.name());
        if (filing.type() == CaseType.WRONG_NETWORK && issuedForThisChain) {
            return reject(ReasonCode.WRONG_CASE_TYPE, "Your address was issued for " + chain.name()
                    + ", so a deposit over " + chain.name() + " did not take the wrong network.");
        }
        if (filing.type() == CaseType.UNLISTED_TOKEN) {
            if (!issuedForThisChain) {
                return reject(ReasonCode.WRONG_CASE_TYPE, "Your address was not issued for " + chain.name()
                        + ": file a wrong-network case instead.");
            }
            if (filing.tokenContract() == null) {
                return reject(ReasonCode.WRONG_CASE_TYPE, "The native coin is listed on " + chain.name() + ".");
            }
            if (chain.token(filing.tokenContract()).isPresent()) {
                return reject(ReasonCode.WRONG_CASE_TYPE, chain.token(filing.tokenContract()).get().symbol()
                        + " is listed on " + chain.name() + ": a deposit of it is credited, not recovered.");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code refund-to: sender}: a refund address named at filing must be the verified sender, checked once the
     * sender is known (a mismatch found at filing is refused there already, with a 400).
     */
    public static Optional<Ineligibility> refundDestination(RefundTo policy, String refundAddress, String sender) {
        if (policy == RefundTo.SENDER && refundAddress != null && !refundAddress.equalsIgnoreCase(sender)) {
            return reject(ReasonCode.REFUND_ADDRESS_NOT_SENDER, "The refund address " + refundAddress + " is not the sender "
                    + sender + ".");
        }
        return Optional.empty();
    }

    /** Rules on what the chain confirmed. */
    public static Optional<Ineligibility> judge(DepositFacts facts, ChainConfig chain, Instant now, boolean credited) {
        if (facts.blockTime() != null) {
            Duration age = Duration.between(facts.blockTime(), now);
            if (age.compareTo(chain.maxDepositAge()) > 0) {
                return reject(ReasonCode.DEPOSIT_TOO_OLD, "It is " + age.toDays() + " days old; the limit on " + chain.name()
                        + " is " + chain.maxDepositAge().toDays() + " days.");
            }
        }
        if (credited) {
            return reject(ReasonCode.ALREADY_CREDITED, null);
        }
        return Optional.empty();
    }

    private static Optional<Ineligibility> reject(ReasonCode code, String detail) {
        return Optional.of(new Ineligibility(code, detail));
    }
}
