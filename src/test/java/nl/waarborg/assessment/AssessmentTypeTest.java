package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/** A version's sections are exactly the forms of its process's content tasks, as the models in bpmn/ name them. */
class AssessmentTypeTest {

    @Test
    void eachTypesSectionsAreTheFormsOfItsContentTasks() {
        for (AssessmentType type : AssessmentType.values()) {
            assertThat(new TreeSet<>(type.sections()))
                    .as(type.name())
                    .isEqualTo(contentForms("bpmn/" + type.processKey() + ".bpmn"));
        }
    }

    @Test
    void noDecisionRecordOrAdviceIsASection() {
        for (AssessmentType type : AssessmentType.values()) {
            assertThat(type.sections())
                    .doesNotContainAnyElementsOf(DecisionRecords.SECTIONS)
                    .noneMatch(section -> section.contains("advice") || section.contains("decision"));
        }
        assertThat(AssessmentType.DPIA.sections()).containsAll(VersionHashes.REVIEW_RECORDS);
        assertThat(AssessmentType.IAMA.sections()).doesNotContainAnyElementsOf(AssessmentType.DPIA.sections());
    }

    private static Set<String> contentForms(String file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(file));
        Set<String> forms = new TreeSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            boolean content = task.getExtensionElements() != null
                    && task
                            .getExtensionElements()
                            .getElementsQuery()
                            .filterByType(CamundaTaskListener.class)
                            .list()
                            .stream()
                            .anyMatch(l -> "${contentTaskListener}".equals(l.getCamundaDelegateExpression()));
            if (content) {
                forms.add(task.getCamundaFormRef());
            }
        }
        assertThat(forms).as(file + " has content tasks").isNotEmpty();
        return forms;
    }
}
