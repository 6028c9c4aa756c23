package com.recoverydesk.support;

import com.recoverydesk.wallet.DepositAddressDirectory;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Issues one deposit address at start-up, in an application a test started as its own process, through the
 * wallet directory that the deposit system's upsert endpoint uses. Inert unless the test sets
 * {@code recovery.test.seed.user-id}, so the shared test application never has it.
 */
@Component
@ConditionalOnProperty(name = "recovery.test.seed.user-id")
class SeedDepositAddress implements ApplicationRunner {

    private final DepositAddressDirectory directory;
    private final String userId;
    private final int accountIndex;
    private final String chain;

    SeedDepositAddress(DepositAddressDirectory directory, org.springframework.core.env.Environment settings) {
        this.directory = directory;
        this.userId = settings.getRequiredProperty("recovery.test.seed.user-id");
        this.accountIndex = settings.getRequiredProperty("recovery.test.seed.account-index", Integer.class);
        this.chain = settings.getRequiredProperty("recovery.test.seed.chain");
    }

    @Override
    public void run(ApplicationArguments args) {
        System.out.println("SEEDED deposit address " + directory.issue(userId, accountIndex, Set.of(chain)).address() + " for " + userId);
    }
}
