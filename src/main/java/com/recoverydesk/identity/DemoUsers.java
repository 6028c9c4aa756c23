package com.recoverydesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
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
 * checks before it creates, so a restart (or a second node) changes nothing.
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

    static final String MY_GROUPS_FILTER = "Tasks of my groups";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final DemoProperties demo;

    DemoUsers(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks, DemoProperties demo) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUP_NAMES.forEach(this::group);
        USERS.forEach(this::user);
        // Operators may do everything in the webapps, like Camunda's own admin user.
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
