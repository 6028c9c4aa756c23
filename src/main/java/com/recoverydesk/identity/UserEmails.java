package com.recoverydesk.identity;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The e-mail address a user has in the identity service the engine and its webapps share. */
@Component
public class UserEmails {

    private final IdentityService identity;

    UserEmails(IdentityService identity) {
        this.identity = identity;
    }

    public Optional<String> of(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank() ? Optional.empty() : Optional.of(user.getEmail());
    }

    /** The e-mail addresses of a group's members that have one, in user id order. */
    public java.util.List<String> ofGroup(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
    }
}
