package org.relationcrm;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

import org.relationcrm.fixtures.cyclic.CyclicApplication;

/**
 * The features are modules, and this test keeps them so. Each direct sub-package of {@code org.relationcrm} is one
 * module across the three jars ({@code client} in crm-core, {@code client.persistence}, {@code client.web}); its
 * {@code package-info.java} lists the modules it may use ({@code allowedDependencies}).
 * {@link ApplicationModules#verify()} fails on
 * <ul>
 * <li>a cycle between modules;</li>
 * <li>a use of another module's internals: only the public types of a module's base package are its API, its
 * sub-packages ({@code internal}, {@code persistence}, {@code web}) are hidden unless a type is declared part of a
 * named interface ({@code @NamedInterface("web")}, e.g. {@code team :: web}, the signed-in user);</li>
 * <li>a dependency that the module's {@code allowedDependencies} does not list.</li>
 * </ul>
 * Why Spring Modulith rather than ArchUnit slice rules (which it runs underneath): slices find cycles, but hiding
 * sub-packages, named interfaces and declared dependencies would each be a rule of our own; Modulith gives them
 * together with the Documenter (the diagrams in {@code docs/modules}, checked below) and the event publication
 * registry that events between features can use, in one Apache-2.0 library of the Spring portfolio.
 * {@code ArchitectureTests} keeps checking the layering inside each module (web → core ← persistence).
 */
class ModulesTests {

    /** Where the generated documentation is committed, from crm-web's folder (Maven runs tests there). */
    static final Path DOCS = Path.of("..", "docs", "modules");
    static final Path GENERATED = Path.of("target", "modules");

    /**
     * The application's classes only: not tests, nor crm-persistence's test-jar ({@code org.relationcrm.testing}),
     * which is on this module's test classpath.
     */
    static final ImportOption PRODUCTION_CODE = location ->
            new ImportOption.DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");

    static final ApplicationModules MODULES = ApplicationModules.of(RelationApplication.class, PRODUCTION_CODE);

    @Test
    void modulesHaveNoCycleAndUseOnlyWhatEachOtherExposes() {
        MODULES.verify();
    }

    @Test
    void eachFeatureIsAModuleBesideTheSharedKernelTheRecordPagesAndTheAssembly() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder("shared", "team", "client", "catalog", "interaction", "feedback", "playbook",
                        "pipeline", "order", "request", "search", "record", "myday", "config", "demo", "coaching", "segment",
                        "insight", "quality", "privacy", "audit", "api", "mailbox", "dataimport");
        assertThat(MODULES.getSharedModules()).extracting(m -> m.getIdentifier().toString()).containsExactly("shared");
    }

    @Test
    void aCycleBetweenModulesAndAUseOfAnotherModulesInternalsFailTheVerification() {
        ApplicationModules fixture = ApplicationModules.of(CyclicApplication.class, location -> true);

        Violations violations = fixture.detectViolations();

        assertThat(violations.getMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("Cycle detected: Slice invoices")
                .contains("Slice orders"));
        assertThat(violations.getMessages()).anySatisfy(message -> assertThat(message)
                .contains("Module 'reports' depends on non-exposed type "
                        + "org.relationcrm.fixtures.cyclic.orders.internal.OrderNumbers within module 'orders'"));
        assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class);
    }

    /**
     * The diagrams and canvases in {@code docs/modules} are what the code says today. When the modules change, this
     * test fails; refresh them with the command in README ({@code -Dmodules.refresh} copies the new files there).
     */
    @Test
    void theCommittedModuleDiagramsAreUpToDate() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML))
                .writeIndividualModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML))
                .writeModuleCanvases(CanvasOptions.defaults());
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path file : files.toList()) {
                Files.writeString(file, inStableOrder(Files.readString(file)));
            }
        }
        Files.writeString(GENERATED.resolve("README.md"), overview(MODULES));

        if (System.getProperty("modules.refresh") != null) {
            copy(GENERATED, DOCS);
        }
        Map<String, String> generated = contents(GENERATED);
        assertThat(contents(DOCS))
                .as("docs/modules is stale: refresh it with ./mvnw -pl crm-web -am verify -Dtest=ModulesTests "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dmodules.refresh (see README)")
                .isEqualTo(generated);
    }

    /** A page GitHub renders: the modules as a Mermaid graph, then each one's API and allowed dependencies. */
    static String overview(ApplicationModules modules) {
        List<ApplicationModule> sorted = modules.stream()
                .sorted(Comparator.comparing(m -> m.getIdentifier().toString())).toList();
        StringBuilder page = new StringBuilder("""
                # Modules of Relation

                Generated by `ModulesTests` from the code (do not edit: refresh with the command in the main README).
                An arrow is a dependency in the code; `ModulesTests` fails on a cycle, on a use of another module's
                internals and on a dependency that the module's `package-info.java` does not allow. The shared kernel
                (`shared`) may be used by all; `config` and `demo` sit on top and may use any module's API.
                Component diagrams (PlantUML): [all modules](components.puml), and one per module beside it.

                ```mermaid
                graph TD
                """);
        for (ApplicationModule module : sorted) {
            page.append("    ").append(module.getIdentifier()).append("[\"").append(module.getDisplayName())
                    .append("\"]\n");
        }
        for (ApplicationModule module : sorted) {
            module.getDirectDependencies(modules).uniqueModules()
                    .map(target -> target.getIdentifier().toString())
                    .filter(target -> !target.equals("shared"))
                    .distinct().sorted()
                    .forEach(target -> page.append("    ").append(module.getIdentifier()).append(" --> ")
                            .append(target).append('\n'));
        }
        page.append("```\n\n(Arrows to `shared` are left out: every module uses it.)\n\n")
                .append("| module | base package | API: public types of the base package | named interfaces "
                        + "| allowed dependencies |\n|---|---|---|---|---|\n");
        for (ApplicationModule module : sorted) {
            NamedInterface api = module.getNamedInterfaces().getUnnamedInterface();
            String named = module.getNamedInterfaces().stream().filter(NamedInterface::isNamed)
                    .map(ni -> "`" + ni.getName() + "`: " + ni.asJavaClasses()
                            .map(c -> c.getSimpleName()).distinct().sorted().collect(joining(", ")))
                    .collect(joining("<br>"));
            var allowed = module.getAllowedDependencies(modules);
            // open (nothing declared): empty; closed: what package-info lists, plus the shared kernel
            String allowedText = allowed.isEmpty() ? "any module's API"
                    : allowed.stream().map(Object::toString)
                            .filter(d -> !d.equals(module.getIdentifier().toString()))
                            .sorted().collect(joining(", "));
            page.append("| ").append(module.getIdentifier()).append(" | `").append(module.getBasePackage().getName())
                    .append("` | ").append(api.asJavaClasses().map(c -> c.getSimpleName()).distinct().count())
                    .append(" types | ").append(named.isEmpty() ? "–" : named).append(" | ")
                    .append(allowedText.isEmpty() ? "none" : allowedText).append(" |\n");
        }
        return page.toString();
    }

    /**
     * The Documenter lists components, relationships and beans in hash order, which changes from run to run: each run
     * of such lines (PlantUML {@code component}s, {@code -->} arrows, AsciiDoc bullets) is sorted, so that the same
     * code always gives the same files.
     */
    static String inStableOrder(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            String kind = sortKind(lines.get(i));
            if (kind == null) {
                out.add(lines.get(i++));
                continue;
            }
            List<String> run = new ArrayList<>();
            while (i < lines.size() && kind.equals(sortKind(lines.get(i)))) {
                run.add(lines.get(i++));
            }
            // an AsciiDoc table cell opens with '|' on its first bullet only
            boolean cell = run.get(0).startsWith("|* ");
            List<String> sorted = run.stream().map(l -> l.startsWith("|* ") ? l.substring(1) : l).sorted().toList();
            for (int j = 0; j < sorted.size(); j++) {
                out.add(cell && j == 0 ? "|" + sorted.get(j) : sorted.get(j));
            }
        }
        return String.join("\n", out);
    }

    private static String sortKind(String line) {
        if (line.stripLeading().startsWith("component ")) {
            return "component";
        }
        if (line.contains(" --> ")) {
            return "arrow";
        }
        if (line.startsWith("* ") || line.startsWith("|* ")) {
            return "bullet";
        }
        return null;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> paths = Files.list(folder)) {
                paths.filter(Files::isRegularFile).forEach(p -> files.put(p.getFileName().toString(), read(p)));
            }
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> old = Files.list(to)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        try (Stream<Path> fresh = Files.list(from)) {
            for (Path p : fresh.toList()) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
