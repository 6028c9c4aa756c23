package com.recoverydesk.fees;

import com.recoverydesk.rules.PriceFeed;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Feed rounds read earlier in the current transaction, so that a verification's job reads its price feed once, in the
 * deposit's batch, and the fee step of the same job charges at that round. Bound to the transaction, not kept longer:
 * a later job (a retry, a case that waited) reads the feed again, and {@code max-price-age} is still checked at the
 * fee step against the clock. Outside a transaction nothing is kept.
 */
final class RoundsOfTransaction {

    private static final Object KEY = new Object();

    private RoundsOfTransaction() {
    }

    static void remember(PriceFeed feed, Optional<FeedRound> round) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        rounds(true).put(feed, round);
    }

    /** The round this transaction read of the feed (itself empty when the feed did not answer), or empty when it read none. */
    static Optional<Optional<FeedRound>> recalled(PriceFeed feed) {
        Map<PriceFeed, Optional<FeedRound>> rounds = rounds(false);
        return rounds == null ? Optional.empty() : Optional.ofNullable(rounds.get(feed));
    }

    @SuppressWarnings("unchecked")
    private static Map<PriceFeed, Optional<FeedRound>> rounds(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<PriceFeed, Optional<FeedRound>> rounds = (Map<PriceFeed, Optional<FeedRound>>) TransactionSynchronizationManager.getResource(KEY);
        if (rounds == null && create) {
            Map<PriceFeed, Optional<FeedRound>> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            rounds = bound;
        }
        return rounds;
    }
}
