package com.recoverydesk.follow;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which node follows a chain: a row per chain in {@code recovery.chain_lease} naming its holder until a time. The
 * holder renews it at every poll; when it stops renewing (it died, or was stopped), any other node takes the chain
 * over once the time has passed. Each statement commits on its own (no surrounding transaction), so a lost race for
 * the row costs nothing on PostgreSQL, where a failed statement aborts its transaction. Nodes' clocks are assumed to
 * agree to well within the lease (NTP).
 */
class ChainLease {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final java.time.Duration duration;
    private final String holder;

    ChainLease(JdbcClient jdbc, Clock clock, java.time.Duration duration) {
        this(jdbc, clock, duration, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    ChainLease(JdbcClient jdbc, Clock clock, java.time.Duration duration, String holder) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.duration = duration;
        this.holder = holder;
    }

    String holder() {
        return holder;
    }

    /** Renews this node's hold on the chain, or takes the chain when no one holds it; whether this node now follows it. */
    boolean hold(String chain) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(duration));
        int renewed = jdbc.sql("update recovery.chain_lease set holder = ?, expires_at = ? where chain = ? and (holder = ? or expires_at < ?)")
                .params(holder, until, chain, holder, Timestamp.from(now)).update();
        if (renewed == 1) {
            return true;
        }
        try {
            return jdbc.sql("insert into recovery.chain_lease (chain, holder, expires_at) values (?, ?, ?)")
                    .params(chain, holder, until).update() == 1;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Records the head the holder saw, for operators who look at the table. */
    void head(String chain, long head) {
        jdbc.sql("update recovery.chain_lease set head = ? where chain = ? and holder = ?").params(head, chain, holder).update();
    }

    /** Lets the chain go at once (a clean shutdown), so another node need not wait out the lease. */
    void release(String chain) {
        jdbc.sql("delete from recovery.chain_lease where chain = ? and holder = ?").params(chain, holder).update();
    }

    /** Who follows the chain now, if anyone's lease is current. */
    Optional<String> holderOf(String chain) {
        return jdbc.sql("select holder from recovery.chain_lease where chain = ? and expires_at >= ?")
                .params(chain, Timestamp.from(clock.instant())).query(String.class).optional();
    }
}
