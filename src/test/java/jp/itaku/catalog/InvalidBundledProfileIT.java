package jp.itaku.catalog;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import jp.itaku.ItakuApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An invalid profile file among those loaded at start-up stops start-up with an error
 * naming the file, the line and the field.
 */
class InvalidBundledProfileIT {

	@Test
	void startUpStopsNamingFileLineAndField() {
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ItakuApplication.class).profiles("test")
			.properties("itaku.catalog.bundled=classpath:catalog/broken-profile.yaml", "server.port=0")
			.run());
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidProfileException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of %s", failure).isInstanceOf(InvalidProfileException.class);
		assertThat(cause.getMessage()).contains("broken-profile.yaml")
			.contains("line 21, clauses[1].category")
			.contains("line 28, clauses[1].requirements[0].deadline.policy");
	}

}
