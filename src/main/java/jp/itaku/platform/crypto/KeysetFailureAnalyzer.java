package jp.itaku.platform.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link KeysetRefusedException} into Spring Boot's "APPLICATION FAILED TO START"
 * report: the description and the action, without a stack trace to dig through.
 */
class KeysetFailureAnalyzer extends AbstractFailureAnalyzer<KeysetRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeysetRefusedException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
