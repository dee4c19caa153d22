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
		sortCanvasLists(Path.of("docs/modules"));
	}

	/**
	 * Sorts the bullet lists of the module canvases (bean references, events, …) the same
	 * way: an item is its {@code * } line with the continuation lines below it; the first
	 * item of a cell keeps the cell's {@code |}.
	 */
	private static void sortCanvasLists(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".adoc")).toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				List<String> sorted = new ArrayList<>();
				List<List<String>> items = new ArrayList<>();
				for (String line : lines) {
					if (line.startsWith("|* ") || (line.startsWith("* ") && !items.isEmpty())) {
						if (line.startsWith("|* ")) {
							flush(items, sorted);
						}
						items.add(new ArrayList<>(List.of(line.startsWith("|") ? line.substring(1) : line)));
					}
					else if (!items.isEmpty() && !line.startsWith("|") && !line.isEmpty()) {
						items.get(items.size() - 1).add(line);
					}
					else {
						flush(items, sorted);
						sorted.add(line);
					}
				}
				flush(items, sorted);
				Files.write(file, sorted, StandardCharsets.UTF_8);
			}
		}
	}

	private static void flush(List<List<String>> items, List<String> into) {
		items.sort((a, b) -> a.get(0).compareTo(b.get(0)));
		for (int i = 0; i < items.size(); i++) {
			List<String> item = items.get(i);
			into.add((i == 0) ? "|" + item.get(0) : item.get(0));
			into.addAll(item.subList(1, item.size()));
		}
		items.clear();
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
