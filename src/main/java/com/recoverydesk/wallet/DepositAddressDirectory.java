package com.recoverydesk.wallet;

import com.recoverydesk.chain.EvmAddress;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory of deposit addresses: who holds which, issued for which chains. The exchange's deposit system
 * fills it (import, upsert), the demo fills it for the demo users; both go through {@link #registerAll}.
 * Chains are only ever added: an address once issued for a chain may have received deposits there.
 */
@Repository
public class DepositAddressDirectory {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DepositKeys keys;
    private final RegistrationRules registrationRules;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    DepositAddressDirectory(JdbcClient jdbc, JdbcTemplate batches, DepositKeys keys, RegistrationRules registrationRules, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.keys = keys;
        this.registrationRules = registrationRules;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        // each batch commits (or rolls back) on its own, whatever the caller runs in
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Gives a user the deposit address of HD account {@code accountIndex} for these chains. Idempotent: issuing
     * the same account again only adds chains it was not yet issued for.
     *
     * @throws IllegalArgumentException for a chain chains.yml does not name
     * @throws IllegalStateException when the account is held by another user, or is recorded for another address
     *         (the deposit mnemonic was changed under an existing directory)
     */
    public DepositAddress issue(String userId, int accountIndex, Set<String> chains) {
        String address = keys.depositAddress(accountIndex);
        RegistrationRules.Checked checked = registrationRules.check(userId, address, chains, accountIndex);
        if (checked.refused() != null) {
            throw new IllegalArgumentException(checked.refused().message());
        }
        RegistrationOutcome outcome = register(checked.registration());
        if (outcome.refused() != null) {
            throw new IllegalStateException("deposit account " + accountIndex + ": " + outcome.refused().message());
        }
        return owner(address).orElseThrow();
    }

    /** Registers one checked address in a transaction of its own. */
    RegistrationOutcome register(AddressRegistration registration) {
        return registerAll(List.of(registration)).get(0);
    }

    /**
     * Registers checked addresses, all in one transaction, with JDBC batches: an outcome per registration, in
     * their order. A refused registration writes nothing. When another importer stored one of the same
     * addresses between this batch's read and its write, the batch is rolled back and done again one by one,
     * each seeing the winner.
     */
    List<RegistrationOutcome> registerAll(List<AddressRegistration> registrations) {
        try {
            return ownTransaction.execute(status -> write(registrations));
        } catch (DuplicateKeyException race) {
            if (registrations.size() > 1) {
                return registrations.stream().map(this::register).toList();
            }
            return ownTransaction.execute(status -> write(registrations));
        }
    }

    private List<RegistrationOutcome> write(List<AddressRegistration> registrations) {
        Set<String> addresses = new HashSet<>();
        Set<Integer> indices = new HashSet<>();
        registrations.forEach(r -> {
            addresses.add(r.address());
            if (r.accountIndex() != null) {
                indices.add(r.accountIndex());
            }
        });
        Map<String, Holder> holders = new HashMap<>();
        // one statement, so a holder and its chains come from one snapshot: two reads could see a racing import's
        // chains without its address (PostgreSQL's read committed)
        jdbc.sql("select a.address, a.user_id, a.account_index, c.chain from recovery.deposit_address a"
                        + " left join recovery.deposit_address_chain c on c.address = a.address where a.address in (:a)")
                .param("a", addresses)
                .query(rs -> {
                    Holder holder = holders.get(rs.getString(1));
                    if (holder == null) {
                        holder = new Holder(rs.getString(2), rs.getObject(3, Integer.class), new HashSet<>());
                        holders.put(rs.getString(1), holder);
                    }
                    if (rs.getString(4) != null) {
                        holder.chains().add(rs.getString(4));
                    }
                });
        Map<Integer, String> indexHolders = new HashMap<>();
        if (!indices.isEmpty()) {
            jdbc.sql("select account_index, address from recovery.deposit_address where account_index in (:i)").param("i", indices)
                    .query(rs -> {
                        indexHolders.put(rs.getInt(1), rs.getString(2));
                    });
        }

        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object[]> newAddresses = new ArrayList<>();
        List<Object[]> newChains = new ArrayList<>();
        List<Object[]> newIndices = new ArrayList<>();
        List<RegistrationOutcome> outcomes = new ArrayList<>();
        for (AddressRegistration r : registrations) {
            Holder holder = holders.get(r.address());
            String indexHeldBy = r.accountIndex() == null ? null : indexHolders.get(r.accountIndex());
            if (indexHeldBy != null && !indexHeldBy.equals(r.address())) {
                // only when recovery.wallet.deposit-mnemonic changed under an existing directory
                outcomes.add(RegistrationOutcome.refused(Refusal.ACCOUNT_INDEX_TAKEN.because("HD account " + r.accountIndex()
                        + " is recorded for " + indexHeldBy + ": was recovery.wallet.deposit-mnemonic changed?")));
                continue;
            }
            if (holder == null) {
                newAddresses.add(new Object[] {r.address(), r.userId(), r.accountIndex(), now});
                r.chains().forEach(chain -> newChains.add(new Object[] {r.address(), chain}));
                holders.put(r.address(), new Holder(r.userId(), r.accountIndex(), new HashSet<>(r.chains())));
                if (r.accountIndex() != null) {
                    indexHolders.put(r.accountIndex(), r.address());
                }
                outcomes.add(RegistrationOutcome.of(Registered.ADDED));
                continue;
            }
            if (!holder.userId().equals(r.userId())) {
                outcomes.add(RegistrationOutcome.refused(Refusal.HELD_BY_ANOTHER_USER.because(
                        "This address is already held by another user; an address belongs to one user only.")));
                continue;
            }
            boolean changed = false;
            if (r.accountIndex() != null && holder.accountIndex() == null) {
                newIndices.add(new Object[] {r.accountIndex(), r.address()});
                holders.put(r.address(), holder = new Holder(holder.userId(), r.accountIndex(), holder.chains()));
                indexHolders.put(r.accountIndex(), r.address());
                changed = true;
            }
            for (String chain : r.chains()) {
                if (holder.chains().add(chain)) {
                    newChains.add(new Object[] {r.address(), chain});
                    changed = true;
                }
            }
            outcomes.add(RegistrationOutcome.of(changed ? Registered.UPDATED : Registered.UNCHANGED));
        }
        // addresses before their chains (foreign key); the primary keys settle a race with another importer
        batch("insert into recovery.deposit_address (address, user_id, account_index, created_at) values (?, ?, ?, ?)", newAddresses);
        batch("update recovery.deposit_address set account_index = ? where address = ? and account_index is null", newIndices);
        batch("insert into recovery.deposit_address_chain (address, chain) values (?, ?)", newChains);
        return outcomes;
    }

    /** One JDBC batch; values typed by hand, since a driver asked the type of a NULL costs a round trip each. */
    private void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate(sql, rows, rows.size(), (statement, row) -> {
            for (int i = 0; i < row.length; i++) {
                Object value = row[i];
                if (value == null) {
                    statement.setNull(i + 1, Types.INTEGER);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
        });
    }

    /** The user's deposit addresses: those with an HD account by account index, then the others as they came. */
    public List<DepositAddress> addressesOf(String userId) {
        List<String> addresses = jdbc.sql("select address from recovery.deposit_address where user_id = :u "
                        + "order by case when account_index is null then 1 else 0 end, account_index, created_at, address")
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
                .query((rs, row) -> new DepositAddress(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class), chainsOf(rs.getString(1))))
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

    private record Holder(String userId, Integer accountIndex, Set<String> chains) {
    }
}
