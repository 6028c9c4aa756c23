package com.recoverydesk.policy;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Straight-through recovery around the decision table: gathers the facts it decides from (the caps' sums read under
 * the cap lock), and applies what it decided: where the case goes, what it reserves against the caps, and the
 * timeline entry with actor {@value #ACTOR}. Both run in the engine's transaction of the same step, with no wait
 * state between them, so the lock taken while gathering is held until the reservation commits.
 */
@Service
public class StraightThrough {

    /** The timeline's actor for what the policy decides. */
    public static final String ACTOR = "policy";
    /** The event of the policy's timeline entry. */
    public static final String DECIDED = "POLICY_DECIDED";
    /** The window the caps count automatic refunds over. */
    static final Duration CAP_WINDOW = Duration.ofHours(24);

    private final StraightThroughSettings settings;
    private final CaseStore cases;
    private final PolicyLedger ledger;
    private final Timeline timeline;
    private final RecoveryRules rules;
    private final Clock clock;

    StraightThrough(StraightThroughSettings settings, CaseStore cases, PolicyLedger ledger, Timeline timeline, RecoveryRules rules,
            Clock clock) {
        this.settings = settings;
        this.cases = cases;
        this.ledger = ledger;
        this.timeline = timeline;
        this.rules = rules;
        this.clock = clock;
    }

    public StraightThroughMode mode() {
        return settings.mode();
    }

    /**
     * The table's inputs for the case, after taking the cap lock (held to the end of the transaction, so the sums
     * cannot change until this decision's reservation is written). Only when the mode is on: a dry run reserves
     * nothing, and the lock would otherwise queue every verifying case of the cluster behind one row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    PolicyFacts gather(String caseId) {
        if (settings.mode() == StraightThroughMode.ON) {
            ledger.lockCaps();
        }
        RecoveryCase c = cases.find(caseId).orElseThrow();
        ChainConfig chain = rules.chain(c.chain()).orElseThrow();
        DepositFacts facts = c.facts();
        boolean priced = c.fee() != null;
        BigDecimal value = priced ? c.fee().valueUsd() : null;
        boolean listed = facts.isNative() || chain.token(facts.tokenContract()).isPresent();
        boolean toSender = c.refundAddress() != null && c.refundAddress().equalsIgnoreCase(facts.from());
        CaseStore.CustomerHistory history = cases.historyOf(c.customerId(), caseId);
        Instant since = clock.instant().minus(CAP_WINDOW);
        BigDecimal thisCase = value == null ? BigDecimal.ZERO : value;
        return new PolicyFacts(c.type().name(), chain.recovery().name().toLowerCase(Locale.ROOT), listed, priced, value, toSender,
                cases.senderIsContract(caseId), history.rejected(), history.open(),
                ledger.reservedSince(since, c.customerId()).add(thisCase), ledger.reservedSince(since, null).add(thisCase));
    }

    /**
     * Where the case goes after the table decided: {@link PolicyOutcome#AUTO_APPROVE} (refund at once, its value reserved
     * against the caps) only when the mode is on, the table approves and the value is not above
     * {@code approval.dual-above-usd}; {@link PolicyOutcome#REVIEW} otherwise. A REJECT goes to people with the table's
     * reason code: see docs/architecture.md, "Straight-through recovery".
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String apply(String caseId, PolicyOutcome outcome) {
        RecoveryCase c = cases.find(caseId).orElseThrow();
        StraightThroughMode mode = settings.mode();
        BigDecimal value = c.fee() == null ? null : c.fee().valueUsd();
        String route = PolicyOutcome.REVIEW;
        String note;
        BigDecimal reserved = null;
        if (mode == StraightThroughMode.DRY_RUN) {
            note = "Dry run: people decide this case.";
        } else if (PolicyOutcome.AUTO_APPROVE.equals(outcome.decision())) {
            BigDecimal dual = rules.dualApprovalAboveUsd();
            if (value == null) {
                // a row that approves without a price cannot be held against the caps or the dual-approval threshold
                note = "No price is known, so nothing can be reserved against the caps: people decide.";
            } else if (value.compareTo(dual) > 0) {
                note = "Worth " + usd(value) + ", above approval.dual-above-usd (" + usd(dual) + "): dual approval applies, so people decide.";
            } else {
                route = PolicyOutcome.AUTO_APPROVE;
                reserved = value;
                note = null;
            }
        } else if (PolicyOutcome.REJECT.equals(outcome.decision())) {
            note = "The table recommends rejecting (" + outcome.reasonCode() + "); an appeals specialist decides.";
        } else {
            note = null;
        }
        Instant now = clock.instant();
        ledger.record(caseId, c.customerId(), mode, outcome, route, note, reserved, now);
        timeline.note(caseId, ACTOR, DECIDED, c.status(), outcome.decision() + " by rule " + outcome.rule() + " of recoveryPolicy version "
                + outcome.tableVersion() + " (mode " + mode.word() + ")" + (outcome.reasonCode() == null ? "" : ", reason " + outcome.reasonCode())
                + ". " + (note != null ? note : route.equals(PolicyOutcome.AUTO_APPROVE)
                        ? "Refunded with no person involved; " + usd(reserved) + " reserved against the daily caps."
                        : "People decide this case."));
        return route;
    }

    /** Gives an automatic refund's reservation back when its case ended without payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    void release(String caseId) {
        if (ledger.release(caseId, clock.instant())) {
            timeline.note(caseId, ACTOR, "POLICY_CAP_RELEASED", cases.find(caseId).orElseThrow().status(),
                    "The case ended without payment: its amount no longer counts against the daily caps.");
        }
    }

    private static String usd(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString() + " USD";
    }
}
