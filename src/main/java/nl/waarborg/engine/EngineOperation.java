package nl.waarborg.engine;

import java.util.Map;

/**
 * One operation a user performed through the engine, as the engine records it in its user operation log
 * (ACT_HI_OP_LOG): claim, complete, set a variable, create a user, change a group, etc. Published (as a Spring event,
 * inside the engine's transaction) by {@link EngineOperationLog}; the audit module records it in the trail.
 *
 * @param userId who did it (the engine's authenticated user)
 * @param type the engine's operation type, e.g. {@code Complete}, {@code Claim}, {@code SetVariable}, {@code Create}
 * @param entityType what it acted on, e.g. {@code Task}, {@code Variable}, {@code User}, {@code Group}
 * @param systemId the business key of the process instance concerned (Waarborg's system id), or null
 * @param target the ids that name the object (taskId, processInstanceId, processDefinitionKey, deploymentId, jobId…)
 * @param changes the properties the operation changed, with their old and new value where the engine records them
 */
public record EngineOperation(
        String userId,
        String type,
        String entityType,
        String systemId,
        Map<String, String> target,
        Map<String, Map<String, String>> changes) {}
