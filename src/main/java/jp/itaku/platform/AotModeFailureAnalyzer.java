package jp.itaku.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link AotModeGuard}'s refusal into Spring Boot's "APPLICATION FAILED TO START"
 * report: what differs, and what to do.
 */
class AotModeFailureAnalyzer extends AbstractFailureAnalyzer<AotModeGuard.AotModeRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AotModeGuard.AotModeRefusedException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.processing()
				? "Build without those variables or properties; configure them where the jar is started instead."
				: "Start without -Dspring.aot.enabled=true: the jar then starts with any configuration.", cause);
	}

}
