package com.recoverydesk.process;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.fixtures.engine.CamundaInAController;
import com.recoverydesk.fixtures.engine.CamundaInADelegate;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/**
 * The engine stays behind one door: only {@code process}, the engine's identity and web sign-in
 * ({@code identity}), the separation of duties the engine enforces on every user task ({@code duties}) and the classes the BPMN itself calls (delegates, listeners, and the engine exceptions
 * they throw) may use {@code org.camunda}. A move to Operaton then touches exactly those files.
 */
class EngineBoundaryTest {

    /** What the models call by name, and the exceptions the engine itself must understand when they throw. */
    static final DescribedPredicate<JavaClass> BPMN_FACING = JavaClass.Predicates.assignableTo(JavaDelegate.class)
            .or(JavaClass.Predicates.assignableTo(TaskListener.class))
            .or(JavaClass.Predicates.assignableTo(ExecutionListener.class))
            .or(JavaClass.Predicates.assignableTo(ProcessEngineException.class))
            .as("BPMN-facing (delegates, listeners, engine exceptions they throw)");

    static final ArchRule ENGINE_BEHIND_ONE_DOOR = noClasses()
            .that().resideOutsideOfPackages("com.recoverydesk.process..", "com.recoverydesk.identity..", "com.recoverydesk.duties..")
            .and(not(BPMN_FACING))
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("controllers and services reach the engine through com.recoverydesk.process (docs/architecture.md, Operaton)");

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.recoverydesk");

    @Test
    void onlyTheProcessPackageIdentityAndBpmnFacingClassesUseTheEngine() {
        ENGINE_BEHIND_ONE_DOOR.check(MAIN);
    }

    @Test
    void aControllerThatImportsTheEngineBreaksTheRule() {
        EvaluationResult result = ENGINE_BEHIND_ONE_DOOR.evaluate(new ClassFileImporter().importClasses(CamundaInAController.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(CamundaInAController.class.getName())
                && line.contains("org.camunda.bpm.engine.RuntimeService"));
    }

    @Test
    void aDelegateMayUseTheEngine() {
        EvaluationResult result = ENGINE_BEHIND_ONE_DOOR
                .evaluate(new ClassFileImporter().importClasses(CamundaInADelegate.class, CamundaInAController.class));

        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(line -> line.contains(CamundaInAController.class.getName()))
                .noneMatch(line -> line.contains(CamundaInADelegate.class.getName()));
    }

    @Test
    void theOperatonParagraphOfTheArchitectureNamesExactlyTheClassesThatUseTheEngine() throws Exception {
        Set<String> users = MAIN.stream().filter(c -> !c.isNestedClass() && !c.isAnonymousClass())
                .filter(c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.camunda")))
                .map(JavaClass::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> ours = MAIN.stream().map(JavaClass::getSimpleName).collect(Collectors.toSet());

        String architecture = Files.readString(Path.of("docs", "architecture.md"));
        int start = architecture.indexOf("**Moving to Operaton**");
        assertThat(start).as("docs/architecture.md has its Operaton paragraph").isNotNegative();
        int end = architecture.indexOf("\n- ", start);
        Set<String> named = new TreeSet<>();
        Matcher names = Pattern.compile("`(?:[a-z]+\\.)?([A-Z][A-Za-z0-9]*)`").matcher(architecture.substring(start, end < 0 ? architecture.length() : end));
        while (names.find()) {
            if (ours.contains(names.group(1)) && !names.group(1).equals(EngineBoundaryTest.class.getSimpleName())) {
                named.add(names.group(1));
            }
        }

        assertThat(named).containsExactlyElementsOf(users);
    }
}
