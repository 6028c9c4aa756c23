package com.recoverydesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each staff group may open in the Camunda webapps, and Tasklist's filter of their tasks. Granted to the
 * groups, not to users, so it holds for the demo's users and for staff who sign in through the identity provider
 * alike. Idempotent: every grant is checked before it is made.
 */
@Component
@Order(9)
class StaffAccess implements ApplicationRunner {

    static final String MY_GROUPS_FILTER = "Tasks of my groups";

    /** Stands for the operators in Camunda's identity tables when they sign in through the identity provider. */
    static final String OPERATORS_ACCOUNT = "operators";

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final IdentityService identity;
    private final OidcProperties oidc;

    StaffAccess(AuthorizationService authorizations, FilterService filters, TaskService tasks, IdentityService identity, OidcProperties oidc) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.identity = identity;
        this.oidc = oidc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (oidc.enabled()) {
            operatorsAccount();
        }
        // Operators may see and repair everything in the webapps; deciding tasks is kept from them elsewhere
        // (identity.SecurityConfiguration and duties.GroupDutyListener).
        for (Resources resource : Resources.values()) {
            grant(Groups.OPERATORS, resource, ANY, Permissions.ALL);
        }
        for (String staff : List.of(Groups.APPEALS, Groups.WALLET)) {
            grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(staff, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(staff, Resources.FILTER, ANY, Permissions.READ);
        }
        // Tasklist lists tasks through filters; without one a specialist sees an empty list
        if (filters.createFilterQuery().filterName(MY_GROUPS_FILTER).count() == 0) {
            Filter filter = filters.newTaskFilter(MY_GROUPS_FILTER).setOwner("admin")
                    .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks())
                    .setProperties(Map.of("description", "Open tasks of the groups you are in", "priority", -10, "refresh", true));
            filters.saveFilter(filter);
        }
    }

    /**
     * The webapps send everyone to their setup page (create the first administrator, with a password) while no
     * user is in {@code camunda-admin}. With the identity provider, operators are written there only when they first
     * sign in; until then this account, which has no password and so cannot sign in, keeps the setup page shut.
     */
    private void operatorsAccount() {
        if (identity.createUserQuery().memberOfGroup(Groups.OPERATORS).count() > 0) {
            return;
        }
        if (identity.createGroupQuery().groupId(Groups.OPERATORS).count() == 0) {
            Group group = identity.newGroup(Groups.OPERATORS);
            group.setName("Operators");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(OPERATORS_ACCOUNT).count() == 0) {
            User account = identity.newUser(OPERATORS_ACCOUNT);
            account.setFirstName("Operators");
            account.setLastName("(sign in through the identity provider)");
            identity.saveUser(account);
        }
        identity.createMembership(OPERATORS_ACCOUNT, Groups.OPERATORS);
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).hasPermission(permission).count() > 0;
        if (!granted) {
            Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }
}
