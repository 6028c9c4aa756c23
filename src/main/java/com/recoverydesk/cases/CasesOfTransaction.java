package com.recoverydesk.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases the current transaction has read, so that the steps of one job (read the deposit, judge it, quote the fee,
 * queue for review, the task's facts, the status listeners) read a case's row once instead of once each. Every write of
 * {@link CaseStore} forgets the case, so a read after a write sees it; a case is kept only for the transaction on the
 * connection that read it (a transaction of its own inside, {@code REQUIRES_NEW}, reads for itself), and nothing is
 * kept outside a transaction. This relies on every write to {@code recovery.recovery_case} going through CaseStore.
 */
@Component
class CasesOfTransaction {

    private static final Object KEY = new Object();

    private final DataSource dataSource;

    CasesOfTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<RecoveryCase> find(String id, Supplier<Optional<RecoveryCase>> read) {
        Map<String, RecoveryCase> cases = cases();
        if (cases == null) {
            return read.get();
        }
        RecoveryCase known = cases.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RecoveryCase> found = read.get();
        found.ifPresent(c -> cases.put(id, c));
        return found;
    }

    /** The case changed: the next read goes to the database. */
    void forget(String id) {
        Read read = (Read) TransactionSynchronizationManager.getResource(KEY);
        if (read != null) {
            read.cases().remove(id);
        }
    }

    /** This transaction's cases, or null outside a transaction or on another transaction's connection. */
    private Map<String, RecoveryCase> cases() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        if (connection == null) {
            return null;
        }
        Read read = (Read) TransactionSynchronizationManager.getResource(KEY);
        if (read == null) {
            read = new Read(connection, new HashMap<>());
            TransactionSynchronizationManager.bindResource(KEY, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        return read.connection() == connection ? read.cases() : null;
    }

    private record Read(Object connection, Map<String, RecoveryCase> cases) {
    }
}
