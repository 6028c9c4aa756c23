package com.recoverydesk.wallet;

import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo customers' deposit addresses: alice holds HD account 1, bob account 2, both issued for ethereum.
 * Registered through the same directory code as the exchange's import, with the same checks.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "recovery.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDepositAddresses implements ApplicationRunner {

    private final DepositAddressDirectory directory;

    DemoDepositAddresses(DepositAddressDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        directory.issue("alice", 1, Set.of("ethereum"));
        directory.issue("bob", 2, Set.of("ethereum"));
    }
}
