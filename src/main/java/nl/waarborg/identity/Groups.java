package nl.waarborg.identity;

import java.util.List;
import java.util.Map;

/** The candidate groups that processes, authorizations and the UI rely on (a contract, see docs/process-contract.md). */
public final class Groups {

    public static final String PROJECT_LEAD = "project-lead";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String ETHICS_COMMITTEE = "ethics-committee";
    public static final String ALDERMAN = "alderman";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";
    /**
     * Members decide at the alderman's gate for the mayor's own powers, e.g. camera surveillance (Gemeentewet art.
     * 151c); they are members of {@link #ALDERMAN} as well, the gate's group (ADR 0035).
     */
    public static final String MAYOR = "burgemeester";

    /** Group id to the Dutch name shown in Camunda Admin and in Waarborg. */
    public static final Map<String, String> DUTCH_NAMES = Map.of(
            PROJECT_LEAD, "Projectleiders",
            PRIVACY_OFFICER, "Functionaris gegevensbescherming",
            ETHICS_COMMITTEE, "Ethische commissie",
            ALDERMAN, "Wethouder",
            MANAGER, "Management",
            ADMIN, "Functioneel beheer",
            MAYOR, "Burgemeester");

    /** Groups whose members work on tasks (and so use Tasklist). */
    public static final List<String> TASK_WORKERS = List.of(PROJECT_LEAD, PRIVACY_OFFICER, ETHICS_COMMITTEE, ALDERMAN);

    public static final List<String> ALL =
            List.of(PROJECT_LEAD, PRIVACY_OFFICER, ETHICS_COMMITTEE, ALDERMAN, MANAGER, ADMIN, MAYOR);

    private Groups() {}
}
