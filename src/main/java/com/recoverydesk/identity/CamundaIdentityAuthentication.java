package com.recoverydesk.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs users in against Camunda's identity service, so the API, the pages, Tasklist and Cockpit share one
 * set of users, passwords and groups. Groups become authorities {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final TransactionTemplate oneTransaction;
    private final VerifiedCredentials verified;

    CamundaIdentityAuthentication(IdentityService identity, PlatformTransactionManager transactions, VerifiedCredentials verified) {
        this.identity = identity;
        this.verified = verified;
        this.oneTransaction = new TransactionTemplate(transactions);
    }

    /**
     * Every API call signs in. The engine's three identity calls (check the password, create and run the group
     * query) share one transaction instead of opening, committing and resetting one each (docs/benchmark.md).
     */
    @Override
    public Authentication authenticate(Authentication attempt) {
        List<String> groups = attempt.getName() == null || attempt.getCredentials() == null ? null
                : verified.groupsIfVerified(attempt.getName(), attempt.getCredentials().toString());
        if (groups != null) {
            return signedIn(attempt.getName(), groups);
        }
        return oneTransaction.execute(status -> check(attempt));
    }

    private Authentication check(Authentication attempt) {
        String user = attempt.getName();
        Object password = attempt.getCredentials();
        if (user == null || password == null || !identity.checkPassword(user, password.toString())) {
            throw new BadCredentialsException("Wrong user name or password.");
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        verified.verified(user, password.toString(), groups);
        return signedIn(user, groups);
    }

    private static Authentication signedIn(String user, List<String> groups) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils.createAuthorityList(Groups.authorities(groups)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
