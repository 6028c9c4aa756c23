package com.recoverydesk.identity;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users and groups of the default run, created on first start and left alone after: every step
 * checks before it creates, so a restart (or a second node) changes nothing. What each group may open in the
 * webapps is {@link StaffAccess}, which production has too.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "recovery.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final Map<String, String> USERS = Map.of(
            "alice", Groups.CUSTOMERS, "bob", Groups.CUSTOMERS,
            "sam", Groups.APPEALS, "sara", Groups.APPEALS,
            "wendy", Groups.WALLET, "walt", Groups.WALLET,
            "admin", Groups.OPERATORS);
    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.CUSTOMERS, "Customers", Groups.APPEALS, "Appeals specialists",
            Groups.WALLET, "Wallet team", Groups.OPERATORS, "Operators");

    private final IdentityService identity;
    private final DemoProperties demo;

    DemoUsers(IdentityService identity, DemoProperties demo) {
        this.identity = identity;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUP_NAMES.forEach(this::group);
        USERS.forEach(this::user);
        log.info("Demo users ready: {} (password from recovery.demo.password)", USERS.keySet());
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(id.equals(Groups.OPERATORS) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
            user.setLastName("(demo)");
            user.setEmail(id + "@demo.recoverydesk.example");
            user.setPassword(demo.password());
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }
}
