package nl.waarborg.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations per group: what each group may see and do in Tasklist, Cockpit and /engine-rest.
 * Task access itself comes from the engine's default task authorizations: a candidate group gets
 * READ and UPDATE on the tasks it is a candidate for, and nothing on other tasks.
 * Nobody is an engine superuser ({@link NoEngineSuperuser}, ADR 0019): the admin group reads what the managers read
 * (Cockpit and Tasklist, read-only) and changes nothing through the engine; users, groups and accounts go through
 * Waarborg's administration. Its grants, and any of Camunda's own {@code camunda-admin} group, are set afresh at every
 * start, so the ALL grants of an older version (or ones added behind Waarborg's back) do not survive a restart.
 */
@Component
public class EngineAuthorizations {

    public static final String TASK_FILTER_NAME = "Mijn taken";
    public static final String CYCLE_PROCESS_KEY = "assessment-cycle";

    private final ProcessEngine engine;

    public EngineAuthorizations(ProcessEngine engine) {
        this.engine = engine;
    }

    public void ensureGroupAuthorizations() {
        revokeAll(Groups.ADMIN);
        revokeAll(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
        for (String group : Groups.TASK_WORKERS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Read definitions so Tasklist can show process names and deployed forms.
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        }
        // Project leads start cycles; the cycle itself checks that the business key is a registered system. An
        // administrator may start one through Waarborg's API too (SystemAccess); the engine refuses any other start.
        for (String group : List.of(Groups.PROJECT_LEAD, Groups.ADMIN)) {
            grant(group, Resources.PROCESS_DEFINITION, CYCLE_PROCESS_KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }

        // Managers oversee everything, read-only; so do the administrators, who change things only through Waarborg.
        readOnlyOversight(Groups.MANAGER);
        readOnlyOversight(Groups.ADMIN);
        // Administrators read users, groups and who may do what over the engine as well; they change users and groups
        // through Waarborg, authorizations not at all (they come from this class).
        grant(Groups.ADMIN, Resources.USER, ANY, Permissions.READ);
        grant(Groups.ADMIN, Resources.GROUP, ANY, Permissions.READ);
        grant(Groups.ADMIN, Resources.AUTHORIZATION, ANY, Permissions.READ);

        Filter filter = ensureTaskFilter();
        for (String group : Groups.ALL) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void readOnlyOversight(String group) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(
                group,
                Resources.PROCESS_DEFINITION,
                ANY,
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                Permissions.READ_TASK);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(group, Resources.TASK, ANY, Permissions.READ);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    }

    /** Deletes every authorization of a group, so that the grants after it are exactly the intended ones. */
    private void revokeAll(String group) {
        AuthorizationService service = engine.getAuthorizationService();
        service.createAuthorizationQuery().groupIdIn(group).list().forEach(a -> service.deleteAuthorization(a.getId()));
    }

    /** One shared Tasklist filter: every task the user may read, so each group sees only its own work. */
    private Filter ensureTaskFilter() {
        FilterService filters = engine.getFilterService();
        Filter existing =
                filters.createFilterQuery().filterName(TASK_FILTER_NAME).singleResult();
        if (existing != null) {
            return existing;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("description", "Taken van mij en van mijn groepen");
        properties.put("priority", -10);
        properties.put("refresh", true);
        Filter filter = filters.newTaskFilter(TASK_FILTER_NAME)
                .setOwner("admin")
                .setProperties(properties)
                .setQuery(engine.getTaskService().createTaskQuery());
        return filters.saveFilter(filter);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        AuthorizationService service = engine.getAuthorizationService();
        Authorization existing = service.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization authorization = existing != null ? existing : service.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        List.of(permissions).forEach(authorization::addPermission);
        service.saveAuthorization(authorization);
    }
}
