package com.recoverydesk.cases;

import java.time.Instant;
import java.util.List;

/** A case as the API shows it to its customer and to staff. Raw token amounts are strings of digits. */
public record CaseView(
        String id,
        CaseType type,
        CaseStatus status,
        ReasonCode reasonCode,
        String reasonMessage,
        String chain,
        String txHash,
        String depositAddress,
        String tokenContract,
        String refundAddress,
        String claimedAmount,
        String note,
        FactsView facts,
        FeeView fee,
        PriceView price,
        List<TimelineView> timeline,
        List<TransactionView> transactions,
        PolicyView policy,
        Instant createdAt,
        Instant updatedAt) {

    static CaseView of(RecoveryCase c, List<TimelineEntry> timeline, List<TransactionView> transactions, PolicyView policy) {
        return new CaseView(c.id(), c.type(), c.status(), c.reasonCode(), c.reasonMessage(), c.chain(), c.txHash(),
                c.depositAddress(), c.tokenContract(), c.refundAddress(), c.claimedAmount(), c.note(),
                c.facts() == null ? null : FactsView.of(c.facts()),
                c.fee() == null ? null : new FeeView(c.fee().amount().toString(), c.fee().usd(), c.fee().valueUsd(), c.fee().rule()),
                c.fee() == null || c.fee().price() == null ? null : PriceView.of(c.fee().price()),
                timeline.stream().map(TimelineView::of).toList(), transactions, policy, c.createdAt(), c.updatedAt());
    }

    /** The same case with the reason's sentence in the reader's language. */
    CaseView withReasonMessage(String sentence) {
        return new CaseView(id, type, status, reasonCode, sentence, chain, txHash, depositAddress, tokenContract, refundAddress,
                claimedAmount, note, facts, fee, price, timeline, transactions, policy, createdAt, updatedAt);
    }

    public record FactsView(String from, String to, String tokenContract, String symbol, Integer decimals, String amount,
            long blockNumber, Integer logIndex, long confirmations, Instant blockTime) {

        static FactsView of(DepositFacts f) {
            return new FactsView(f.from(), f.to(), f.tokenContract(), f.symbol(), f.decimals(), f.amount().toString(),
                    f.blockNumber(), f.isNative() ? null : f.logIndex(), f.confirmations(), f.blockTime());
        }
    }

    /** {@code amount} in the deposit's raw units, as a string of digits. */
    public record FeeView(String amount, java.math.BigDecimal usd, java.math.BigDecimal valueUsd, String rule) {
    }

    /**
     * The USD price of one whole token the fee was charged at: {@code source} FEED (with the feed's chain, address and
     * round), STATIC (chains.yml) or SPECIALIST (a valuation). {@code round} is a string of digits.
     */
    public record PriceView(CasePrice.Source source, String feedChain, String feed, java.math.BigDecimal usd, String round, Instant at) {

        public static PriceView of(CasePrice p) {
            return new PriceView(p.source(), p.feedChain(), p.feed(), p.usd(), p.round() == null ? null : p.round().toString(), p.at());
        }
    }

    public record TimelineView(Instant at, String actor, String event, CaseStatus status, ReasonCode reasonCode, String message) {

        static TimelineView of(TimelineEntry e) {
            return new TimelineView(e.at(), e.actor(), e.event(), e.status(), e.reasonCode(), e.message());
        }
    }

    /**
     * What the straight-through policy (the decision table {@code recoveryPolicy}) decided for the case: {@code decision}
     * AUTO_APPROVE, REVIEW or REJECT as the table said, {@code route} where the case went (AUTO_APPROVE: refunded with no
     * person involved; REVIEW: to people), the table's {@code rule} and {@code reasonCode}, the table's {@code version},
     * the {@code mode} (on, dry-run) and a {@code note} when the route differs from the decision. Absent when the policy
     * was off or the case never reached it.
     */
    public record PolicyView(String decision, String route, String rule, String reasonCode, Integer version, String mode, String note,
            Instant decidedAt) {
    }

    /** A transaction of the refund: {@code amount} in raw units as a string of digits. */
    public record TransactionView(String purpose, String hash, String status, Long blockNumber, String from, String to, String amount) {
    }
}
