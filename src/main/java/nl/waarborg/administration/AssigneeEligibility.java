package nl.waarborg.administration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.waarborg.administration.AdministrationRefusal.Code;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.Gate;
import nl.waarborg.assessment.GateDuties;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.identity.GroupMembership;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * To whom an administrator may hand an open task: a member of its candidate group; for a task of a system's team (a
 * content task, whose team members are its candidate users) a member of that team, as TeamTasks demands on every path;
 * and for a gate nobody whom segregation of duties excludes ({@link GateDuties}, the rule the gate's decision applies).
 */
@Component
class AssigneeEligibility {

    private final ProcessEngine engine;
    private final GroupMembership membership;
    private final AssessmentReads reads;
    private final GateDuties duties;

    AssigneeEligibility(ProcessEngine engine, GroupMembership membership, AssessmentReads reads, GateDuties duties) {
        this.engine = engine;
        this.membership = membership;
        this.reads = reads;
        this.duties = duties;
    }

    /** Whether the user may be given the task: in its candidate group, in its team if it has one, free of conflicts. */
    void require(Task task, String user) {
        List<IdentityLink> candidates = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                        .toList());
        List<String> groups = candidates.stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .toList();
        List<String> people = candidates.stream()
                .map(IdentityLink::getUserId)
                .filter(Objects::nonNull)
                .toList();
        if (groups.stream().noneMatch(g -> membership.isMember(user, g))) {
            throw new AdministrationRefusal(
                    Code.NOT_A_CANDIDATE,
                    "Task " + task.getId()
                            + (groups.isEmpty()
                                    ? " has no candidate group to hand it to"
                                    : " waits on group " + String.join(" or ", groups) + "; " + user
                                            + " is not a member of it (or does not exist)")
                            + ".");
        }
        if (!people.isEmpty() && !people.contains(user)) {
            throw new AdministrationRefusal(
                    Code.NOT_IN_TEAM,
                    "Task " + task.getId() + " belongs to the system's team (" + String.join(", ", people) + "); "
                            + user + " is not in it. The owner names co-authors on the system's page.");
        }
        Optional<Gate> gate = Gate.ofTask(task.getTaskDefinitionKey());
        if (gate.isPresent()) {
            reads.versionOfProcess(task.getProcessInstanceId())
                    .flatMap(v -> duties.conflictOf(
                            v.assessmentId(), v.number(), gate.get().taskId(), user))
                    .ifPresent(conflict -> {
                        throw new AdministrationRefusal(Code.SEGREGATION_OF_DUTIES, conflict);
                    });
        }
    }
}
