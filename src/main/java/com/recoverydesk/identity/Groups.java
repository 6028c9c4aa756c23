package com.recoverydesk.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The Camunda groups Recovery Desk knows, and how they appear as Spring Security authorities. */
public final class Groups {

    public static final String CUSTOMERS = "customers";
    public static final String APPEALS = "appeals";
    public static final String WALLET = "wallet";
    public static final String OPERATORS = "camunda-admin";
    /** The exchange's deposit system, a service account that loads deposit addresses and nothing else. */
    public static final String DEPOSIT_SYSTEM = "deposit-system";

    /** Authorities are the group ids with this prefix: {@code GROUP_appeals}. */
    public static final String PREFIX = "GROUP_";

    static final List<String> STAFF = List.of(APPEALS, WALLET, OPERATORS);

    private Groups() {
    }

    /** The groups a signed-in caller belongs to, read from their authorities. */
    public static List<String> of(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PREFIX)).map(a -> a.substring(PREFIX.length())).toList();
    }

    public static String authority(String group) {
        return PREFIX + group;
    }

    static String[] authorities(List<String> groups) {
        return groups.stream().map(Groups::authority).toArray(String[]::new);
    }
}
