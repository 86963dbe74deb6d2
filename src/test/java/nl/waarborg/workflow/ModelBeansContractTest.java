package nl.waarborg.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.waarborg.engine.ExpressionSandbox;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The beans expressions may reach (ModelBeans, ADR 0021) are exactly the Spring beans that the models in bpmn/ name:
 * none missing (the model would fail when it gets there) and none to spare (a bean no model uses stays out of reach).
 */
@WaarborgIntegrationTest
class ModelBeansContractTest {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern STRING = Pattern.compile("'[^']*'|\"[^\"]*\"|&quot;.*?&quot;|&apos;.*?&apos;");
    /** An identifier that starts a path (not after a dot): a variable, a bean or a function. */
    private static final Pattern ROOT = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");

    private static final Set<String> EL_WORDS = Set.of(
            "and",
            "or",
            "not",
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "empty",
            "div",
            "mod",
            "true",
            "false",
            "null",
            "instanceof",
            "amp");

    @Autowired
    ApplicationContext context;

    @Autowired
    ExpressionSandbox sandbox;

    @Test
    void theListedBeansAreExactlyTheBeansTheModelsName() throws IOException {
        Set<String> roots = rootIdentifiers();
        Set<String> named = new TreeSet<>();
        roots.stream().filter(context::containsBean).forEach(named::add);

        assertThat(sandbox.beanNames()).as("beans the models name").containsExactlyInAnyOrderElementsOf(named);
        // The variables among the roots are not beans at all, so a variable never reaches a bean by its name.
        assertThat(roots).contains("execution", "aldermanDecision", "triageRecorder", "rework");
    }

    static Set<String> rootIdentifiers() throws IOException {
        Set<String> roots = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file :
                    files.filter(f -> f.toString().matches(".*\\.(bpmn|dmn)")).toList()) {
                Matcher expression = EXPRESSION.matcher(Files.readString(file));
                while (expression.find()) {
                    Matcher root =
                            ROOT.matcher(STRING.matcher(expression.group(1)).replaceAll("''"));
                    while (root.find()) {
                        if (!EL_WORDS.contains(root.group(1))) {
                            roots.add(root.group(1));
                        }
                    }
                }
            }
        }
        return roots;
    }
}
