package nl.waarborg.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/legal/traceability.md cannot rot (issue 17): every table row names form fields that exist in forms/, classes
 * that exist under src/main/java and tests (and test methods) that exist under src/test/java. Plain JUnit, no Spring.
 */
class LegalTraceabilityTest {

    static final Path TABLE = Path.of("docs/legal/traceability.md");
    static final String HEADER = "| Requirement | Source | Form fields | Server enforcement | Tests |";
    static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRowNamesFieldsClassesAndTestsThatExist() throws IOException {
        List<String> lines = Files.readAllLines(TABLE);
        assertThat(lines).as("the table's header row").contains(HEADER);
        assertThat(rows(lines)).as("rows in %s", TABLE).hasSizeGreaterThan(20);
        assertThat(problems(lines, Path.of("."))).isEmpty();
    }

    @Test
    void aMissingFieldClassTestOrMethodIsNamedWithItsRow() {
        List<String> lines = List.of(
                HEADER,
                "|---|---|---|---|---|",
                "| Known | AVG art. 35 | `dpia-section-a#sectionAProposal` | `FormValidator` | `FormValidatorTest` |",
                "| No field | AVG | `dpia-section-a#noSuchField` | `FormValidator` | `FormValidatorTest` |",
                "| No form | AVG | `no-such-form#x` | `FormValidator` | `FormValidatorTest` |",
                "| No class | AVG | — | `NoSuchRule` | `FormValidatorTest` |",
                "| No test | AVG | — | `FormValidator` | `NoSuchTest` |",
                "| No method | AVG | — | `FormValidator` | `LegalTraceabilityTest#noSuchMethod` |",
                "| Too few cells | AVG | — | `FormValidator` |",
                "| Nothing ticked | AVG | sectionAProposal | FormValidator | FormValidatorTest |");
        assertThat(problems(lines, Path.of(".")))
                .containsExactly(
                        "row 'No field': no field noSuchField in forms/dpia-section-a.form",
                        "row 'No form': no form forms/no-such-form.form",
                        "row 'No class': no class NoSuchRule under src/main/java",
                        "row 'No test': no test class NoSuchTest under src/test/java",
                        "row 'No method': no method noSuchMethod in LegalTraceabilityTest",
                        "row 'Too few cells': 4 cells instead of 5",
                        "row 'Nothing ticked': form fields must be `form-id#field` items or —",
                        "row 'Nothing ticked': no server enforcement named",
                        "row 'Nothing ticked': no test named");
    }

    /** The table rows: lines starting with a bar, without header and separator rows. */
    static List<String> rows(List<String> lines) {
        return lines.stream()
                .map(String::trim)
                .filter(l -> l.startsWith("|") && !l.equals(HEADER) && !l.startsWith("|---"))
                .toList();
    }

    /** What is wrong with the rows of these lines, each message naming its row; empty when all is well. */
    static List<String> problems(List<String> lines, Path root) {
        Map<String, Optional<Path>> found = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String row : rows(lines)) {
            String[] cells = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length())
                    .split("\\|", -1);
            String name = "row '" + cells[0].trim() + "': ";
            if (cells.length != 5) {
                problems.add(name + cells.length + " cells instead of 5");
                continue;
            }
            List<String> fields = ticked(cells[2]);
            if (fields.isEmpty() && !cells[2].trim().equals("—")
                    || fields.stream().anyMatch(f -> !f.contains("#"))) {
                problems.add(name + "form fields must be `form-id#field` items or —");
            }
            for (String field : fields) {
                fieldProblem(root, field).ifPresent(p -> problems.add(name + p));
            }
            List<String> classes = ticked(cells[3]);
            if (classes.isEmpty()) {
                problems.add(name + "no server enforcement named");
            }
            for (String type : classes) {
                if (source(found, root.resolve("src/main/java"), type).isEmpty()) {
                    problems.add(name + "no class " + type + " under src/main/java");
                }
            }
            List<String> tests = ticked(cells[4]);
            if (tests.isEmpty()) {
                problems.add(name + "no test named");
            }
            for (String test : tests) {
                String[] parts = test.split("#", 2);
                Optional<Path> file = source(found, root.resolve("src/test/java"), parts[0]);
                if (file.isEmpty()) {
                    problems.add(name + "no test class " + parts[0] + " under src/test/java");
                } else if (parts.length == 2 && !declares(file.get(), parts[1])) {
                    problems.add(name + "no method " + parts[1] + " in " + parts[0]);
                }
            }
        }
        return problems;
    }

    private static List<String> ticked(String cell) {
        List<String> items = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            items.add(m.group(1).trim());
        }
        return items;
    }

    private static Optional<String> fieldProblem(Path root, String item) {
        String[] parts = item.split("#", 2);
        if (parts.length < 2) {
            return Optional.empty(); // reported as a malformed cell
        }
        Path form = root.resolve("forms").resolve(parts[0] + ".form");
        if (!Files.isRegularFile(form)) {
            return Optional.of("no form forms/" + parts[0] + ".form");
        }
        try {
            return hasKey(JSON.readTree(form.toFile()).path("components"), parts[1])
                    ? Optional.empty()
                    : Optional.of("no field " + parts[1] + " in forms/" + parts[0] + ".form");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field key (or a list's path) anywhere in the form, also a column of a list. */
    private static boolean hasKey(JsonNode components, String key) {
        for (JsonNode c : components) {
            if (key.equals(c.path("key").asText(null))
                    || key.equals(c.path("path").asText(null))) {
                return true;
            }
            if (c.has("components") && hasKey(c.path("components"), key)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Path> source(Map<String, Optional<Path>> found, Path dir, String simpleName) {
        return found.computeIfAbsent(dir + "/" + simpleName, k -> {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(p -> p.getFileName().toString().equals(simpleName + ".java"))
                        .findFirst();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean declares(Path file, String method) {
        try {
            return Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(")
                    .matcher(Files.readString(file))
                    .find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
