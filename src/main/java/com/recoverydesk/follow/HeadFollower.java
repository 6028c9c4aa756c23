package com.recoverydesk.follow;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryMode;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.verification.VerificationSettings;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One head follower per chain. Each chain is polled ({@code eth_blockNumber}) at its {@code block-time} by the one node
 * that holds its lease; at each new head the follower wakes exactly the cases whose transactions that head has given
 * their confirmations, and reads the receipts of every case whose transactions were not yet mined in one JSON-RPC
 * batch. A refund whose transactions are not all mined is woken at every new head: its check decides (it sends the
 * stored bytes again). A case's own step then reads the chain once, to verify or confirm for itself.
 */
@Component
class HeadFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeadFollower.class);

    private final FollowSettings settings;
    private final ChainLease lease;
    private final ChainWaits waits;
    private final HeadReads reads;
    private final CaseWakes wakes;
    private final ChainClients chains;
    private final Clock clock;
    private final Duration everyInterval;
    private final List<Followed> followed = new ArrayList<>();
    private volatile ScheduledExecutorService scheduler;

    HeadFollower(FollowSettings settings, JdbcClient jdbc, Clock clock, RecoveryRules rules, ChainWaits waits, HeadReads reads,
            CaseWakes wakes, ChainClients chains, VerificationSettings verification, MeterRegistry registry) {
        this.settings = settings;
        this.waits = waits;
        this.reads = reads;
        this.wakes = wakes;
        this.chains = chains;
        this.clock = clock;
        this.everyInterval = verification.getRecheckInterval();
        this.lease = new ChainLease(jdbc, clock, settings.getLeaseDuration());
        positive("recovery.follow.poll-interval", settings.getPollInterval());
        positive("recovery.follow.lease-duration", settings.getLeaseDuration());
        positive("recovery.follow.refund-max-wait", settings.getRefundMaxWait());
        rules.chains().values().stream().filter(c -> c.recovery() != RecoveryMode.UNSUPPORTED && c.rpcUrl() != null).forEach(chain -> {
            Duration every = chain.blockTime() != null ? chain.blockTime() : settings.getPollInterval();
            if (settings.getLeaseDuration().compareTo(every) <= 0) {
                throw new IllegalStateException("recovery.follow.lease-duration (" + settings.getLeaseDuration() + ") must be longer than"
                        + " the time between two polls of chain " + chain.name() + " (" + every + ", its block-time in chains.yml or"
                        + " recovery.follow.poll-interval), or the lease runs out between polls");
            }
            followed.add(new Followed(chain, every, registry));
        });
    }

    private static void positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalStateException(setting + " must be a positive duration (was " + value + ")");
        }
    }

    /** Whether this node follows the chain now. */
    boolean follows(String chain) {
        return followed.stream().anyMatch(f -> f.chain.name().equals(chain) && f.leader);
    }

    /** Who follows the chain now, this node or another, if anyone. */
    java.util.Optional<String> holderOf(String chain) {
        return lease.holderOf(chain);
    }

    @Override
    public void start() {
        if (!settings.isEnabled() || followed.isEmpty()) {
            return;
        }
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(Math.min(followed.size(), 4), task -> {
            Thread thread = new Thread(task, "head-follower");
            thread.setDaemon(true);
            return thread;
        });
        followed.forEach(f -> pool.scheduleWithFixedDelay(() -> poll(f), 0, f.every.toMillis(), TimeUnit.MILLISECONDS));
        scheduler = pool;
    }

    @Override
    public void stop() {
        ScheduledExecutorService pool = scheduler;
        if (pool == null) {
            return;
        }
        scheduler = null;
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // another node need not wait out the lease after a clean shutdown
        followed.stream().filter(f -> f.leader).forEach(f -> {
            f.leader = false;
            lease.release(f.chain.name());
        });
    }

    /**
     * Stops following without letting the leases go, as a node that is killed does: another node takes its chains over
     * only once their leases run out. What the takeover test does to this node.
     */
    void die() {
        ScheduledExecutorService pool = scheduler;
        scheduler = null;
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        followed.forEach(f -> f.leader = false);
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Stops before the engine and the database go, starts after them (the engine's own lifecycle phase is the
     * default, {@code Integer.MAX_VALUE - ...}); the follower only needs them running while it polls.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /**
     * One poll. A node that does not answer, or a database that refuses a statement, ends this poll only: the next poll
     * is the retry, and an operator sees the stalled head in {@code recovery.follow.lag.seconds} and the chain's health.
     * Cases are never lost meanwhile: their waits stay, and their bounded wait ends them as it would.
     */
    private void poll(Followed f) {
        try {
            follow(f);
            if (f.failing) {
                f.failing = false;
                log.info("following {} again at head {}", f.chain.name(), f.head);
            }
        } catch (RuntimeException e) {
            if (!f.failing) {
                f.failing = true;
                log.warn("cannot follow {} now, trying again every {}: {}", f.chain.name(), f.every, e.getMessage());
            }
        }
    }

    void follow(Followed f) {
        String chain = f.chain.name();
        if (!lease.hold(chain)) {
            if (f.leader) {
                log.info("chain {} is now followed by {}", chain, lease.holderOf(chain).orElse("no one"));
            }
            f.leader = false;
            return;
        }
        if (!f.leader) {
            log.info("this node ({}) now follows {}", lease.holder(), chain);
            f.leader = true;
        }
        long head = reads.head(chain);
        if (settings.getWake() == FollowSettings.Wake.EVERY_INTERVAL) {
            newHead(f, head);
            Instant now = clock.instant();
            if (f.nextWakeAll == null || !now.isBefore(f.nextWakeAll)) {
                f.nextWakeAll = now.plus(everyInterval);
                wakeAll(waits.all(chain));
            }
        } else if (head > f.head) {
            newHead(f, head);
            wakeAll(waits.due(chain, head));
            wakeMined(f, head, true);
        } else {
            // no new head, but cases that began waiting since the last look get their target now, not a block later
            wakeMined(f, head, false);
            return;
        }
        f.waiting = waits.count(chain);
    }

    private void newHead(Followed f, long head) {
        if (head <= f.head) {
            return;
        }
        long roundTrips = chains.roundTrips(f.chain.name());
        if (f.head >= 0) {
            f.perBlock.record((double) (roundTrips - f.roundTripsAtHead) / (head - f.head));
        }
        f.head = head;
        f.headAt = clock.instant();
        f.roundTripsAtHead = roundTrips;
        f.lookedAt.clear();
        lease.head(f.chain.name(), head);
    }

    /**
     * The cases whose transactions were not yet mined: one batch of receipts for all of them. At a poll without a new
     * head only the cases not looked at since the last one, and a refund not mined yet is woken at new heads only.
     */
    private void wakeMined(Followed f, long head, boolean newHead) {
        List<ChainWaits.Wait> unmined = waits.unmined(f.chain.name()).stream().filter(w -> !f.lookedAt.contains(w.caseId())).toList();
        if (unmined.isEmpty()) {
            return;
        }
        unmined.forEach(w -> f.lookedAt.add(w.caseId()));
        Map<String, List<String>> refunds = waits.openRefundTransactions(
                unmined.stream().filter(w -> w.kind() == ChainWaits.Kind.REFUND).map(ChainWaits.Wait::caseId).toList());
        Set<String> hashes = new LinkedHashSet<>();
        unmined.forEach(w -> hashes.addAll(transactionsOf(w, refunds)));
        Map<String, Long> mined = reads.minedIn(f.chain.name(), List.copyOf(hashes));
        List<String> wake = new ArrayList<>();
        for (ChainWaits.Wait w : unmined) {
            List<String> txs = transactionsOf(w, refunds);
            if (txs.isEmpty()) {
                wake.add(w.caseId()); // a refund with nothing left unconfirmed: its check completes it
                continue;
            }
            if (!mined.keySet().containsAll(txs)) {
                if (w.kind() == ChainWaits.Kind.REFUND && newHead) {
                    wake.add(w.caseId()); // not mined yet: the refund's check sends it again (or replaces it) at every new head
                }
                continue;
            }
            long target = txs.stream().mapToLong(mined::get).max().orElseThrow() + w.confirmations() - 1;
            if (head >= target) {
                wake.add(w.caseId());
            } else {
                waits.target(w.caseId(), target);
            }
        }
        wakeAll(wake);
    }

    private static List<String> transactionsOf(ChainWaits.Wait wait, Map<String, List<String>> refunds) {
        return wait.kind() == ChainWaits.Kind.DEPOSIT ? List.of(wait.txHash()) : refunds.getOrDefault(wait.caseId(), List.of());
    }

    private void wakeAll(Collection<String> caseIds) {
        for (String caseId : caseIds) {
            try {
                wakes.wake(caseId);
            } catch (RuntimeException busy) {
                // the case's own job held its execution at that instant (optimistic locking): its wait stays, the next head retries
                log.debug("case {} could not be woken now: {}", caseId, busy.getMessage());
            }
        }
    }

    /** One chain as this node follows it. */
    final class Followed {
        final ChainConfig chain;
        final Duration every;
        final DistributionSummary perBlock;
        volatile boolean leader;
        volatile boolean failing;
        volatile long head = -1;
        volatile Instant headAt;
        /** wake=every-interval: when every waiting case is woken next. */
        volatile Instant nextWakeAll;
        volatile long roundTripsAtHead;
        volatile long waiting;
        /** The waits whose receipts were read since the last new head: read again only at the next one. */
        final Set<String> lookedAt = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Followed(ChainConfig chain, Duration every, MeterRegistry registry) {
            this.chain = chain;
            this.every = every;
            String name = chain.name();
            this.perBlock = DistributionSummary.builder("recovery.follow.rpc.per.block").tag("chain", name)
                    .description("JSON-RPC round trips this node made to the chain per new block, every case's reads included")
                    .register(registry);
            Gauge.builder("recovery.follow.head", this, f -> f.leader ? f.head : Double.NaN).tag("chain", name)
                    .description("The chain's head as this node's follower last read it (NaN where another node follows it)").register(registry);
            Gauge.builder("recovery.follow.lag.seconds", this, f -> f.leader && f.headAt != null
                            ? Duration.between(f.headAt, clock.instant()).toMillis() / 1000.0 : Double.NaN).tag("chain", name)
                    .description("Seconds since the follower last saw a new head; above the block time the node or the follower stalls")
                    .register(registry);
            Gauge.builder("recovery.follow.leader", this, f -> f.leader ? 1 : 0).tag("chain", name)
                    .description("1 where this node holds the chain's lease and follows it").register(registry);
            Gauge.builder("recovery.follow.waiting", this, f -> f.leader ? f.waiting : Double.NaN).tag("chain", name)
                    .description("Cases waiting for the chain's head").register(registry);
        }
    }
}
