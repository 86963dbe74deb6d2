package nl.waarborg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The guard's decisions on real engine command objects, without an engine. */
class GuardedCommandsTest {

    @Test
    void theFieldsItReadsExistInThisCamunda() {
        assertThatCode(GuardedCommands::verify).doesNotThrowAnyException();
    }

    @Test
    void engineOwnedVariablesAreRefusedNamingTheFirst() {
        assertThatThrownBy(() -> GuardedCommands.check(
                        new SetTaskVariablesCmd("t", Map.of("versionNumber", 2, "assessmentId", "x"), true)))
                .isInstanceOf(EngineOwnedVariableException.class)
                .hasMessageContaining("'assessmentId'");
        assertThatThrownBy(() ->
                        GuardedCommands.check(new CompleteTaskCmd("t", Map.of("decision", "APPROVED", "round", 3))))
                .isInstanceOf(EngineOwnedVariableException.class)
                .hasMessageContaining("'round'");
        assertThatThrownBy(() -> GuardedCommands.check(
                        new PatchTaskVariablesCmd("t", Map.of(), List.of("versionNumber"), false)))
                .isInstanceOf(EngineOwnedVariableException.class);
        assertThatThrownBy(() ->
                        GuardedCommands.check(new RemoveExecutionVariablesCmd("e", List.of("iamaOutcome"), false)))
                .isInstanceOf(EngineOwnedVariableException.class);
        MessageCorrelationBuilderImpl message = new MessageCorrelationBuilderImpl(
                new CommandExecutor() {
                    @Override
                    public <T> T execute(Command<T> command) {
                        throw new UnsupportedOperationException("not run here");
                    }
                },
                "evaluation-trigger");
        message.setVariableToTriggeredScope("triggerType", "PERIODIC");
        assertThatThrownBy(() -> GuardedCommands.check(new CorrelateMessageCmd(message, false, false, false)))
                .isInstanceOf(EngineOwnedVariableException.class)
                .hasMessageContaining("'triggerType'");
    }

    @Test
    void aGateInputIsGivenOnlyByCompletingTheTask() {
        assertThatThrownBy(() ->
                        GuardedCommands.check(new SetTaskVariablesCmd("t", Map.of("conditions", "ingevoegd"), false)))
                .isInstanceOf(EngineOwnedVariableException.class)
                .hasMessageContaining("'conditions'")
                .hasMessageContaining("gate");
        assertThatThrownBy(() -> GuardedCommands.check(new ResolveTaskCmd("t", Map.of("decision", "APPROVED"))))
                .isInstanceOf(EngineOwnedVariableException.class)
                .hasMessageContaining("'decision'");
        assertThatCode(() -> GuardedCommands.check(
                        new SubmitTaskFormCmd("t", Map.of("decision", "APPROVED", "conditions", "x"), false, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void formFieldsAndReadsPass() {
        assertThatCode(() -> GuardedCommands.check(
                        new CompleteTaskCmd("t", Map.of("decision", "APPROVED", "motivation", "Goed"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> GuardedCommands.check(new GetTaskVariableCmd("t", "assessmentId", false)))
                .doesNotThrowAnyException();
        assertThatCode(() -> GuardedCommands.check(
                        new SetTaskVariablesCmd("t", Variables.createVariables().putValue("opmerking", "x"), true)))
                .doesNotThrowAnyException();
    }

    @Test
    void movingAProcessOrAJobIsRefused() {
        assertThatThrownBy(() -> GuardedCommands.check(
                        new ModifyProcessInstanceCmd(new ProcessInstanceModificationBuilderImpl("pi"))))
                .isInstanceOf(EngineOperationRefusedException.class)
                .hasMessage(GuardedCommands.MOVE);
        assertThatThrownBy(() -> GuardedCommands.check(new DeleteJobCmd("job")))
                .isInstanceOf(EngineOperationRefusedException.class)
                .hasMessage(GuardedCommands.JOBS);
    }

    @Test
    void aStartSaysWhatItWouldSkipOrWhereToStartInstead() {
        ProcessInstantiationBuilderImpl instructed = (ProcessInstantiationBuilderImpl)
                ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "assessment-cycle");
        instructed.startBeforeActivity("prepare-implementation");
        instructed.getModificationBuilder().setSkipCustomListeners(true);
        assertThatThrownBy(() -> GuardedCommands.check(new StartProcessInstanceAtActivitiesCmd(instructed)))
                .isInstanceOf(EngineOperationRefusedException.class)
                .hasMessageContaining("start instructions or skipCustomListeners")
                .hasMessageContaining("/api/systems/{id}/cycles");

        ProcessInstantiationBuilderImpl iama = (ProcessInstantiationBuilderImpl)
                ProcessInstantiationBuilderImpl.createProcessInstanceById(null, "iama:3:abc");
        assertThat(GuardedCommands.startRefusal(iama)).isEqualTo(GuardedCommands.CALLED_ONLY);
        assertThatThrownBy(() -> GuardedCommands.check(new StartProcessInstanceCmd((ProcessInstantiationBuilderImpl)
                        ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "assessment-cycle"))))
                .hasMessage(GuardedCommands.START);
    }

    @Test
    void someCommandsAreOpenOnlyInPart() {
        assertThatThrownBy(() -> GuardedCommands.check(new CheckPassword("alderman", "x"), "admin"))
                .isInstanceOf(EngineOperationRefusedException.class)
                .hasMessage(PartlyGuardedCommands.PASSWORDS);
        assertThatCode(() -> GuardedCommands.check(new CheckPassword("lead", "x"), "lead"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GuardedCommands.check(
                        new DeleteGroupIdentityLinkCmd("t", "privacy-officer", "candidate"), "fg"))
                .hasMessage(PartlyGuardedCommands.GROUPS);
        // People are added and removed as before; the task event checks who (GroupTasks, TeamTasks).
        assertThatCode(() -> GuardedCommands.check(new DeleteUserIdentityLinkCmd("t", "lead2", "candidate"), "lead"))
                .doesNotThrowAnyException();
        assertThatCode(() -> GuardedCommands.check(new AddGroupIdentityLinkCmd("t", "alderman", "candidate"), "fg"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GuardedCommands.check(
                        new SetTaskVariablesCmd("t", Map.of("part1Reason", "door een ander"), false), "fg"))
                .hasMessage(PartlyGuardedCommands.PROCESS_VARIABLES);
        assertThatCode(() -> GuardedCommands.check(
                        new SetTaskVariablesCmd("t", Map.of("part1Reason", "eigen notitie"), true), "fg"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GuardedCommands.check(new DeleteFilterCmd("f"), "admin"))
                .hasMessage(GuardedCommands.FILTERS);
    }
}
