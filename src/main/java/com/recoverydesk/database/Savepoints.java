package com.recoverydesk.database;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a statement a unique key may refuse, inside a savepoint. PostgreSQL aborts a whole transaction on an
 * error; the savepoint confines a duplicate to the one statement, so the surrounding step goes on and can
 * act on the answer (409, "already claimed", "already imported").
 */
@Component
public class Savepoints {

    private final TransactionTemplate nested;

    Savepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** @return false when a unique key refused the write (and nothing of it was kept) */
    public boolean writeUnlessDuplicate(Runnable write) {
        try {
            nested.executeWithoutResult(status -> write.run());
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }
}
