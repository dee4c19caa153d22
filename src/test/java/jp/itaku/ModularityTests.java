package jp.itaku;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure: no cycles, no reach into another module's internals. Also writes
 * the module diagrams and canvases into {@code docs/modules}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ItakuApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		sortDeclarations(Path.of("docs/modules"));
	}

	/**
	 * Sorts each run of consecutive component and relation lines of the diagrams: the
	 * documenter writes them in hash order, which changes from run to run and would make
	 * every build rewrite the committed files.
	 */
	private static void sortDeclarations(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".puml")).toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				List<String> sorted = new ArrayList<>();
				List<String> run = new ArrayList<>();
				for (String line : lines) {
					if (line.strip().startsWith("Rel(") || line.strip().startsWith("Component(")) {
						run.add(line);
						continue;
					}
					Collections.sort(run);
					sorted.addAll(run);
					run.clear();
					sorted.add(line);
				}
				Collections.sort(run);
				sorted.addAll(run);
				Files.write(file, sorted, StandardCharsets.UTF_8);
			}
		}
	}

}
