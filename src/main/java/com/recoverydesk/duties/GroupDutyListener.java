package com.recoverydesk.duties;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Only a member of the task's candidate group may become its assignee or complete it. The group is read from the
 * deployed model, not from the task's identity links, so adding a candidate group to a running task (which an
 * operator may do) opens nothing.
 * <p>
 * Why in the engine: Camunda's admin group ({@code camunda-admin}, our operators) passes every authorization
 * check, so authorizations cannot keep an operator from claiming a wallet approval and completing it. This
 * listener runs on every path, for every caller, admin or not.
 * <p>
 * The acting user's groups are the ones the engine was told on sign-in (from Camunda's identity tables, or from
 * the identity provider's token); another user's groups, when a task is assigned to them, come from Camunda's
 * identity tables, which a sign-in through the identity provider keeps up to date.
 */
final class GroupDutyListener implements TaskListener {

    private final Set<Expression> candidateGroups;

    GroupDutyListener(Set<Expression> candidateGroups) {
        this.candidateGroups = candidateGroups;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> required = requiredGroups(task);
        if (required.isEmpty()) {
            return; // a task offered to no group is no decision of a role
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = current == null ? null : current.getUserId();
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            String assignee = task.getAssignee();
            if (assignee == null) {
                return; // giving a task back to its group decides nothing; operators may do it to repair
            }
            if (actor != null && !member(groupsOf(actor, current), required)) {
                throw new DutyViolation(actor + " is not in " + describe(required) + " and so cannot assign \"" + task.getName() + "\".");
            }
            if (!member(assignee.equals(actor) ? groupsOf(actor, current) : storedGroupsOf(assignee), required)) {
                throw new DutyViolation(assignee + " is not in " + describe(required) + " and so cannot be assigned \"" + task.getName() + "\".");
            }
            return;
        }
        String decider = actor != null ? actor : task.getAssignee();
        if (decider == null) {
            throw new DutyViolation("\"" + task.getName() + "\" must be decided by a named member of " + describe(required) + ".");
        }
        if (!member(actor != null ? groupsOf(actor, current) : storedGroupsOf(decider), required)) {
            throw new DutyViolation(decider + " is not in " + describe(required) + " and so cannot decide \"" + task.getName() + "\".");
        }
    }

    private Set<String> requiredGroups(DelegateTask task) {
        Set<String> groups = new LinkedHashSet<>();
        for (Expression expression : candidateGroups) {
            Object value = expression.getValue(task);
            if (value instanceof Collection<?> many) {
                many.forEach(g -> groups.add(String.valueOf(g).trim()));
            } else if (value != null) {
                for (String g : value.toString().split(",")) {
                    groups.add(g.trim());
                }
            }
        }
        groups.remove("");
        return groups;
    }

    private static Collection<String> groupsOf(String actor, Authentication current) {
        return current.getGroupIds() != null ? current.getGroupIds() : storedGroupsOf(actor);
    }

    /** Memberships are read without the caller's authorizations: a specialist may not read users, yet the rule must see them. */
    private static List<String> storedGroupsOf(String user) {
        CommandContext command = Context.getCommandContext();
        return command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider().createGroupQuery().groupMember(user).list()
                .stream().map(Group::getId).toList());
    }

    private static boolean member(Collection<String> groups, Set<String> required) {
        return groups.stream().anyMatch(required::contains);
    }

    private static String describe(Set<String> groups) {
        return "the group " + String.join(" or ", groups);
    }
}
