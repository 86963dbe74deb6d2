package nl.waarborg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Mijn taken" by {@link MyTaskList} lists exactly the tasks the engine's own query lists for the same user: random
 * process and standalone tasks with random assignees, candidate users and groups, random grants on tasks and on the
 * process definition (ids and '*', for users, groups, every user and globally), some of the engine's own task grants
 * removed again; then every user with several group sets, compared with the engine's task query (assignee, candidate
 * user or candidate group, read as that user). Also the order, the paging and the total, and the list narrowed to one
 * business key (the next step after a completion). On H2 and PostgreSQL.
 */
@WaarborgIntegrationTest
class MyTaskListTest {

    private static final String PROCESS = "my-task-list-probe";
    private static final String[] USERS = {"mtl-u1", "mtl-u2", "mtl-u3"};
    private static final String[] GROUPS = {"mtl-g1", "mtl-g2", "mtl-g3"};

    @Autowired
    ProcessEngine engine;

    @Autowired
    MyTaskList list;

    private final List<String> authorizations = new ArrayList<>();
    private final List<String> standaloneTasks = new ArrayList<>();
    private String deployment;

    @AfterEach
    void cleanUp() {
        engine.getIdentityService().clearAuthentication();
        authorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
        standaloneTasks.forEach(id -> engine.getTaskService().deleteTask(id, true));
        if (deployment != null) {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
        engine.getAuthorizationService().createAuthorizationQuery().list().stream()
                .filter(a -> a.getResourceType() == Resources.TASK.resourceType()
                        && a.getResourceId() != null
                        && a.getResourceId().startsWith("mtl-"))
                .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    }

    @Test
    void listsWhatTheEngineListsInOrderWithPagesAndTotal() {
        Random random = new Random(20261207);
        deployment = engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "my-task-list-probe.bpmn",
                        Bpmn.createExecutableProcess(PROCESS)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("probe-task")
                                .endEvent()
                                .done())
                .deploy()
                .getId();
        List<String> taskIds = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 30; i++) {
            Task task;
            if (i % 4 == 3) {
                task = engine.getTaskService().newTask("mtl-standalone-" + i);
                engine.getTaskService().saveTask(task);
                standaloneTasks.add(task.getId());
            } else {
                engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "mtl-" + i);
                task = engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceBusinessKey("mtl-" + i)
                        .singleResult();
            }
            // Distinct due dates (a few tasks have none), so that the order is the same on every database.
            task.setDueDate(random.nextInt(5) == 0 ? null : new Date(now + 60_000L * random.nextInt(10_000) + i));
            if (random.nextInt(3) == 0) {
                task.setAssignee(USERS[random.nextInt(USERS.length)]);
            }
            engine.getTaskService().saveTask(task);
            for (int link = random.nextInt(3); link > 0; link--) {
                if (random.nextBoolean()) {
                    engine.getTaskService().addCandidateUser(task.getId(), USERS[random.nextInt(USERS.length)]);
                } else {
                    engine.getTaskService().addCandidateGroup(task.getId(), GROUPS[random.nextInt(GROUPS.length)]);
                }
            }
            taskIds.add(task.getId());
        }
        // Take some of the engine's own grants away again, and add others on tasks and on the definition.
        engine.getAuthorizationService().createAuthorizationQuery().list().stream()
                .filter(a -> taskIds.contains(a.getResourceId()) && random.nextInt(4) == 0)
                .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
        for (int i = 0; i < 12; i++) {
            boolean onTask = random.nextBoolean();
            String resourceId = onTask
                    ? (random.nextInt(5) == 0 ? Authorization.ANY : taskIds.get(random.nextInt(taskIds.size())))
                    : (random.nextInt(3) == 0 ? Authorization.ANY : PROCESS);
            Permission permission = onTask
                    ? (random.nextBoolean() ? TaskPermissions.READ : TaskPermissions.UPDATE)
                    : (random.nextBoolean()
                            ? ProcessDefinitionPermissions.READ_TASK
                            : ProcessDefinitionPermissions.READ);
            grant(random, onTask, resourceId, permission);
        }

        int compared = 0;
        int listed = 0;
        int narrowedListed = 0;
        for (String user : USERS) {
            for (int set = 0; set < 4; set++) {
                List<String> groups = new ArrayList<>();
                for (String group : GROUPS) {
                    if (random.nextBoolean()) {
                        groups.add(group);
                    }
                }
                engine.getIdentityService().setAuthentication(user, groups);
                List<Task> byEngine = byEngine(user, groups).list().stream()
                        .filter(t -> taskIds.contains(t.getId()))
                        .toList();
                MyTaskList.Page all = list.page(user, groups, 1000, 0).orElseThrow();
                List<String> mine =
                        all.taskIds().stream().filter(taskIds::contains).toList();
                assertThat(mine)
                        .as("tasks of %s in %s", user, groups)
                        .containsExactlyInAnyOrderElementsOf(
                                byEngine.stream().map(Task::getId).toList());
                // Due first, earliest first, then those without a due date, each by creation time (ties by id, in
                // the database's own text order).
                Map<String, Task> byId = byEngine.stream().collect(Collectors.toMap(Task::getId, t -> t));
                List<Task> inOrder = mine.stream().map(byId::get).toList();
                assertThat(inOrder)
                        .isSortedAccordingTo(Comparator.comparing((Task t) -> t.getDueDate() == null)
                                .thenComparing(Task::getDueDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(Task::getCreateTime));
                // Pages of five put together are the whole list; the total is the same on every page.
                List<String> paged = new ArrayList<>();
                for (int offset = 0; offset <= all.taskIds().size(); offset += 5) {
                    MyTaskList.Page page = list.page(user, groups, 5, offset).orElseThrow();
                    assertThat(page.total()).isEqualTo(all.total());
                    paged.addAll(page.taskIds());
                }
                assertThat(paged).isEqualTo(all.taskIds());
                assertThat(all.total()).isEqualTo(all.taskIds().size());
                // Narrowed to one system (business key), as for the next step after a completion: the same tasks as
                // the engine's query with processInstanceBusinessKey.
                for (int i = 0; i < 30; i += 1) {
                    String key = "mtl-" + i;
                    List<String> narrowed = byEngine(user, groups).processInstanceBusinessKey(key).list().stream()
                            .map(Task::getId)
                            .toList();
                    assertThat(list.page(user, groups, key, 1000, 0)
                                    .orElseThrow()
                                    .taskIds())
                            .as("tasks of %s in %s for %s", user, groups, key)
                            .containsExactlyInAnyOrderElementsOf(narrowed);
                    narrowedListed += narrowed.size();
                }
                compared++;
                listed += byEngine.size();
            }
        }
        engine.getIdentityService().clearAuthentication();
        assertThat(compared).isEqualTo(12);
        // Enough tasks were visible, and enough hidden, for the comparison to prove something.
        assertThat(listed).isBetween(12, 12 * 25);
        assertThat(narrowedListed).isBetween(6, listed);
    }

    /** The engine's own query for the user's tasks (assignee, candidate user or candidate group). */
    private org.camunda.bpm.engine.task.TaskQuery byEngine(String user, List<String> groups) {
        return engine.getTaskService()
                .createTaskQuery()
                .or()
                .taskAssignee(user)
                .taskCandidateUser(user)
                .taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups)
                .endOr();
    }

    @Test
    void anEmptyPagePastTheEndStillCountsTheTasks() {
        Task task = engine.getTaskService().newTask("mtl-single");
        task.setAssignee("mtl-u1");
        engine.getTaskService().saveTask(task);
        standaloneTasks.add(task.getId());
        engine.getIdentityService().setAuthentication("mtl-u1", List.of());

        MyTaskList.Page first = list.page("mtl-u1", List.of(), 10, 0).orElseThrow();
        MyTaskList.Page past = list.page("mtl-u1", List.of(), 10, 10).orElseThrow();

        assertThat(first.taskIds()).containsExactly("mtl-single");
        assertThat(first.total()).isEqualTo(1);
        assertThat(past.taskIds()).isEmpty();
        assertThat(past.total()).isEqualTo(1);
    }

    private void grant(Random random, boolean onTask, String resourceId, Permission permission) {
        int holder = random.nextInt(USERS.length + GROUPS.length + 2);
        Authorization authorization = engine.getAuthorizationService()
                .createNewAuthorization(holder == 0 ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
        if (holder == 0) {
            authorization.setUserId(Authorization.ANY);
        } else if (holder == 1) {
            authorization.setUserId(Authorization.ANY); // a grant to every user
        } else if (holder < 2 + USERS.length) {
            authorization.setUserId(USERS[holder - 2]);
        } else {
            authorization.setGroupId(GROUPS[holder - 2 - USERS.length]);
        }
        authorization.setResource(onTask ? Resources.TASK : Resources.PROCESS_DEFINITION);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        try {
            authorizations.add(engine.getAuthorizationService()
                    .saveAuthorization(authorization)
                    .getId());
        } catch (RuntimeException duplicate) {
            // The same holder and resource drawn twice: the unique constraint refuses it; one grant is enough.
        }
    }
}
