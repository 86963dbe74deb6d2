package nl.waarborg.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Waarborg's administrator group is one of the engine's admin groups. */
@Component
public class EngineAdminGroup extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = configuration.getAdminGroups() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getAdminGroups());
        if (!adminGroups.contains(Groups.ADMIN)) {
            adminGroups.add(Groups.ADMIN);
        }
        configuration.setAdminGroups(adminGroups);
    }
}
