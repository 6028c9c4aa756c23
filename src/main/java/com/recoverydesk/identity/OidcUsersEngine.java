package com.recoverydesk.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps Camunda's identity tables in step with the identity provider for staff: each sign-in writes the user
 * (without a password: nobody signs in locally) and sets their memberships in the groups Recovery Desk knows to
 * what the token says. The engine then knows the groups of a user a task is assigned to, and Camunda Admin shows
 * who is who. Customers are not copied: the engine never needs them.
 */
@Component
class OidcUsersEngine {

    private final IdentityService identity;

    OidcUsersEngine(IdentityService identity) {
        this.identity = identity;
    }

    @Transactional
    public void remember(String userId, List<String> groups, String firstName, String lastName, String email) {
        List<String> known = groups.stream().filter(Groups.STAFF::contains).toList();
        boolean stored = identity.createUserQuery().userId(userId).count() > 0;
        if (known.isEmpty() && !stored) {
            return;
        }
        if (!stored) {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            identity.saveUser(user);
        }
        List<String> current = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        for (String group : Groups.STAFF) {
            if (known.contains(group) && !current.contains(group)) {
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    Group created = identity.newGroup(group);
                    created.setName(group);
                    created.setType(group.equals(Groups.OPERATORS) ? "SYSTEM" : "WORKFLOW");
                    identity.saveGroup(created);
                }
                identity.createMembership(userId, group);
            } else if (!known.contains(group) && current.contains(group)) {
                identity.deleteMembership(userId, group);
            }
        }
    }
}
