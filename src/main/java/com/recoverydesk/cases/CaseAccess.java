package com.recoverydesk.cases;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who may see a case: its customer, and staff who work cases. */
public final class CaseAccess {

    private static final Set<String> STAFF = Set.of("GROUP_appeals", "GROUP_wallet", "GROUP_camunda-admin");

    private CaseAccess() {
    }

    public static boolean canSee(Authentication caller, RecoveryCase c) {
        return c.customerId().equals(caller.getName()) || isStaff(caller);
    }

    public static boolean isStaff(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }
}
