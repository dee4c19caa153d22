package jp.itaku;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure: no cycles, no reach into another module's internals, and only the
 * dependencies each module declares in its {@code package-info.java}
 * ({@code allowedDependencies}, with {@code module :: interface} for another module's
 * extension points).
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ItakuApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		this.modules.verify();
	}

	/**
	 * Writes the module diagrams (PlantUML, C4) and canvases into {@code target/modules}:
	 * generated on every build, never committed, so they cannot go stale.
	 * {@code components.puml} is the picture of the whole graph.
	 */
	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
