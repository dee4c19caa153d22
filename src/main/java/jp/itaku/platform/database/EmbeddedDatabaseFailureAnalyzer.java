package jp.itaku.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the operator plainly why a node or command did not start because the embedded
 * database is in use, instead of a stack trace.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseInUse> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseInUse cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
