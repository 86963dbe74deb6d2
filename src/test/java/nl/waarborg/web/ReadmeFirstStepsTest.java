package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Eerste stappen" for newcomers (issue 18, point 22): every image it shows exists (the screenshots that
 * {@link FirstStepsBrowserTest} writes to docs/img/ with {@code -Dwaarborg.writeScreenshots}), none lies there unused,
 * and the section names the demo accounts, the five demo systems and "Mijn taken" as the reviewers' place of work.
 */
class ReadmeFirstStepsTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)|<img[^>]*\\ssrc=\"([^\"]+)\"");

    @Test
    void everyImageTheReadmeShowsExistsAndEveryScreenshotIsShown() throws IOException {
        List<String> images = images(Files.readString(README));
        assertThat(images).as("images in the README").isNotEmpty();
        for (String image : images) {
            assertThat(Path.of(image)).as("image %s named in README.md", image).isRegularFile();
        }
        try (Stream<Path> files = Files.list(FirstStepsBrowserTest.IMAGES)) {
            List<String> unused = files.map(p -> FirstStepsBrowserTest.IMAGES.resolve(p.getFileName()))
                    .map(p -> p.toString().replace('\\', '/'))
                    .filter(p -> !images.contains(p))
                    .toList();
            assertThat(unused).as("files in docs/img/ the README does not show").isEmpty();
        }
    }

    @Test
    void firstStepsNameTheDemoAccountsSystemsAndMyTasks() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Eerste stappen");
        assertThat(start).as("section 'Eerste stappen'").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        assertThat(section)
                .contains("`lead`", "`fg`", "`ethics`", "`alderman`", "`manager`", "`admin`", "`demo`")
                .contains(
                        "Wmo-maatwerk toewijzen",
                        "Signalering onrechtmatige bijstand",
                        "Scanauto parkeerhandhaving",
                        "Chatbot klantcontact",
                        "Voorselectie sollicitaties")
                .contains("Mijn taken", "Wacht op goedkeuring", "Beheer", "Vastgelopen werk");
        for (String role : List.of(
                "Projectleider",
                "Functionaris gegevensbescherming",
                "Ethische commissie",
                "Wethouder",
                "Manager",
                "Functioneel beheerder")) {
            assertThat(section).as("a part for the role %s", role).contains("### " + role);
        }
    }

    @Test
    void theRoleTableSendsReviewersToMyTasksNotToTasklist() throws IOException {
        String readme = Files.readString(README);
        for (String user : List.of("lead", "fg", "ethics", "alderman")) {
            String row = readme.lines()
                    .filter(l -> l.startsWith("| `" + user + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + user + " in the demo users' table"));
            assertThat(row).as("row of %s", user).contains("Mijn taken").doesNotContain("(Tasklist)");
        }
    }

    static List<String> images(String markdown) {
        List<String> images = new ArrayList<>();
        Matcher m = IMAGE.matcher(markdown);
        while (m.find()) {
            images.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return images;
    }
}
