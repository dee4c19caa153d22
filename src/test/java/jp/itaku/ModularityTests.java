package jp.itaku;

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
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
