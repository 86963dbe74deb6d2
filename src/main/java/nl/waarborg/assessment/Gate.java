package nl.waarborg.assessment;

import java.util.Arrays;
import java.util.Optional;

/** The sign-off gates, by the task id the models give them (see docs/process-contract.md). */
public enum Gate {
    PRIVACY_OFFICER_ADVICE(
            "privacy-officer-advice",
            "privacy-officer",
            "privacyOfficerDecision",
            true,
            "Advies functionaris gegevensbescherming"),
    ETHICS_COMMITTEE_ADVICE(
            "ethics-committee-advice",
            "ethics-committee",
            "ethicsCommitteeDecision",
            true,
            "Advies ethische commissie"),
    ALDERMAN_DECISION("alderman-decision", "alderman", "aldermanDecision", false, "Besluit wethouder");

    /** The gates' task ids, in the order a version passes them. */
    public static final java.util.List<String> TASK_IDS =
            Arrays.stream(values()).map(Gate::taskId).toList();

    private final String taskId;
    private final String candidateGroup;
    private final String outcomeVariable;
    private final boolean advisory;
    private final String dutchName;

    Gate(String taskId, String candidateGroup, String outcomeVariable, boolean advisory, String dutchName) {
        this.taskId = taskId;
        this.candidateGroup = candidateGroup;
        this.outcomeVariable = outcomeVariable;
        this.advisory = advisory;
        this.dutchName = dutchName;
    }

    public static Optional<Gate> ofTask(String taskDefinitionKey) {
        return Arrays.stream(values())
                .filter(g -> g.taskId.equals(taskDefinitionKey))
                .findFirst();
    }

    public String taskId() {
        return taskId;
    }

    public String candidateGroup() {
        return candidateGroup;
    }

    public String outcomeVariable() {
        return outcomeVariable;
    }

    /** Advice gates never block; only the alderman decides. */
    public boolean advisory() {
        return advisory;
    }

    public String dutchName() {
        return dutchName;
    }
}
