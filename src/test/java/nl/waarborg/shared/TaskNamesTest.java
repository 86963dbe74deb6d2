package nl.waarborg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskNamesTest {

    static final String FG = "Advies functionaris gegevensbescherming (DPIA)";

    @Test
    void theSystemFollowsTheTaskAndComesOffAgain() {
        String full = TaskNames.withSystem(FG, "Fraudesignalering");
        assertThat(full).isEqualTo("Advies functionaris gegevensbescherming (DPIA) - Fraudesignalering");
        assertThat(TaskNames.withoutSystem(full, "Fraudesignalering")).isEqualTo(FG);
        assertThat(TaskNames.withSystem(full, "Fraudesignalering")).as("once").isEqualTo(full);
    }

    @Test
    void dashesInTheTaskOrTheSystemDoNotConfuseIt() {
        String task = "Actiepunt: Logging - bewaartermijn vastleggen";
        String system = "Parkeren - vergunningen";
        String full = TaskNames.withSystem(task, system);
        assertThat(full).isEqualTo(task + " - " + system);
        assertThat(TaskNames.withoutSystem(full, system)).isEqualTo(task);
        // Another system's name is not cut off, nor a task's own words.
        assertThat(TaskNames.withoutSystem(full, "vergunningen")).isEqualTo(task + " - Parkeren");
        assertThat(TaskNames.withoutSystem(task, "bewaartermijn")).isEqualTo(task);
    }

    @Test
    void aLongSystemNameIsShortenedToTheEnginesColumnAndStillComesOff() {
        String system = "Systeem - " + "x".repeat(240);
        String full = TaskNames.withSystem(FG, system);
        assertThat(full)
                .hasSize(TaskNames.MAX_LENGTH)
                .startsWith(FG + " - Systeem - x")
                .endsWith("x…");
        assertThat(TaskNames.withoutSystem(full, system)).isEqualTo(FG);
        assertThat(TaskNames.withSystem(full, system)).isEqualTo(full);
        String longTask = "y".repeat(TaskNames.MAX_LENGTH - 3);
        assertThat(TaskNames.withSystem(longTask, "Z")).as("no room left").isEqualTo(longTask);
    }

    @Test
    void withoutASystemTheNameStaysAsItIs() {
        assertThat(TaskNames.withSystem(FG, null)).isEqualTo(FG);
        assertThat(TaskNames.withSystem(FG, " ")).isEqualTo(FG);
        assertThat(TaskNames.withSystem(null, "S")).isNull();
        assertThat(TaskNames.withoutSystem(FG, null)).isEqualTo(FG);
        assertThat(TaskNames.withoutSystem(null, "S")).isNull();
    }
}
