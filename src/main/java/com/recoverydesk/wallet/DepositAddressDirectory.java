package com.recoverydesk.wallet;

import com.recoverydesk.chain.EvmAddress;
import com.recoverydesk.database.Savepoints;
import com.recoverydesk.rules.RecoveryRules;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The directory of deposit addresses: who holds which, issued for which chains. */
@Repository
public class DepositAddressDirectory {

    private final JdbcClient jdbc;
    private final DepositKeys keys;
    private final RecoveryRules rules;
    private final Clock clock;
    private final Savepoints savepoints;

    DepositAddressDirectory(JdbcClient jdbc, DepositKeys keys, RecoveryRules rules, Clock clock, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.rules = rules;
        this.clock = clock;
        this.savepoints = savepoints;
    }

    /**
     * Gives a user the deposit address of HD account {@code accountIndex} for these chains. Idempotent: issuing
     * the same account again only adds chains it was not yet issued for.
     *
     * @throws IllegalArgumentException for a chain chains.yml does not name
     * @throws IllegalStateException when the account is held by another user, or is recorded for another address
     *         (the deposit mnemonic was changed under an existing directory)
     */
    @Transactional
    public DepositAddress issue(String userId, int accountIndex, Set<String> chains) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a deposit address is issued to a user id");
        }
        chains.forEach(chain -> rules.chain(chain).orElseThrow(() -> new IllegalArgumentException("no chain '" + chain + "' in chains.yml")));
        String address = keys.depositAddress(accountIndex);
        // The primary key and the unique account index settle a race between two issuers; the read after the
        // insert then sees whoever won.
        savepoints.writeUnlessDuplicate(() -> jdbc.sql(
                        "insert into recovery.deposit_address (address, user_id, account_index, created_at) values (:a, :u, :i, :t)")
                .param("a", address).param("u", userId).param("i", accountIndex)
                .param("t", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update());
        DepositAddress holder = owner(address).orElseThrow(() -> new IllegalStateException("deposit account " + accountIndex
                + " is recorded for a different address: was recovery.wallet.deposit-mnemonic changed?"));
        if (!holder.userId().equals(userId)) {
            throw new IllegalStateException("deposit account " + accountIndex + " is already held by another user");
        }
        for (String chain : chains) {
            if (!holder.chains().contains(chain)) {
                savepoints.writeUnlessDuplicate(() -> jdbc.sql("insert into recovery.deposit_address_chain (address, chain) values (:a, :c)")
                        .param("a", address).param("c", chain).update());
            }
        }
        return owner(address).orElseThrow();
    }

    /** The user's deposit addresses in the order they were issued (by account index); empty for a stranger. */
    public List<DepositAddress> addressesOf(String userId) {
        List<String> addresses = jdbc.sql("select address from recovery.deposit_address where user_id = :u order by account_index")
                .param("u", userId).query(String.class).list();
        return addresses.stream().map(a -> owner(a).orElseThrow()).toList();
    }

    /** Who holds this address (any letter case), if it is one of the exchange's deposit addresses. */
    public Optional<DepositAddress> owner(String address) {
        Optional<String> canonical = EvmAddress.parse(address);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select address, user_id, account_index from recovery.deposit_address where address = :a")
                .param("a", canonical.get())
                .query((rs, row) -> new DepositAddress(rs.getString(1), rs.getString(2), rs.getInt(3), chainsOf(rs.getString(1))))
                .optional();
    }

    private Set<String> chainsOf(String address) {
        return new TreeSet<>(jdbc.sql("select chain from recovery.deposit_address_chain where address = :a")
                .param("a", address).query(String.class).list());
    }

    /** True when the address (any letter case) is one of the exchange's deposit addresses. */
    public boolean isDepositAddress(String address) {
        return owner(address).isPresent();
    }
}
