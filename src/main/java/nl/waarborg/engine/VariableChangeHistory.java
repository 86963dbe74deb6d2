package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * <b>Fork of engine behaviour</b> (see docs/engine-forks.md; checked by VariableChangeHistoryTest).
 *
 * History level "full", except that the engine does not write a detail row (ACT_HI_DETAIL, plus a byte array for
 * JSON values) for every change of every process variable. Waarborg keeps that record itself, with the user who saved
 * it: each save of a section in wb_answer_save, each gate decision in wb_signature, both chained in the audit trail
 * (ADR 0012). The variables' latest values stay in ACT_HI_VARINST, and all other history is unchanged.
 * {@code waarborg.history.variable-details=true} turns the engine's detail rows back on.
 */
@Component
public class VariableChangeHistory extends AbstractProcessEnginePlugin {

    private final boolean variableDetails;

    public VariableChangeHistory(@Value("${waarborg.history.variable-details:false}") boolean variableDetails) {
        this.variableDetails = variableDetails;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (variableDetails) {
            return;
        }
        // The engine's own database handler is replaced by ours; handlers added by others stay.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new WithoutVariableDetails());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** The engine's database history handler, without the detail row per variable change. */
    static final class WithoutVariableDetails extends DbHistoryEventHandler {
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
