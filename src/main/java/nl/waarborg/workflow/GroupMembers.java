package nl.waarborg.workflow;

import nl.waarborg.assessment.SegregationOfDutiesException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Only members of a task's group take its decision: an administrator cannot sign as privacy officer or alderman. */
final class GroupMembers {

    private GroupMembers() {}

    /** Refuses (403) when {@code user}, who completes the task, is not a member of {@code group}. */
    static void require(DelegateTask task, String group, String what, String user) {
        Authentication authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        boolean member;
        if (authentication != null && authentication.getUserId() != null) {
            member = authentication.getGroupIds() != null
                    && authentication.getGroupIds().contains(group);
        } else {
            member = user != null
                    && task.getProcessEngineServices()
                                    .getIdentityService()
                                    .createUserQuery()
                                    .userId(user)
                                    .memberOfGroup(group)
                                    .count()
                            > 0;
        }
        if (!member) {
            throw new SegregationOfDutiesException("Only members of group '" + group + "' may decide " + what
                    + (user == null ? " (no user is known for this completion)." : "; " + user + " is not one."));
        }
    }
}
