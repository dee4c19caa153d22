package jp.itaku.logevidence.web;

import java.util.List;

import jp.itaku.logevidence.LogFindings;
import jp.itaku.platform.CurrentActor;

import org.springframework.stereotype.Component;

/**
 * What the dashboards show of the log evidence: the findings not yet closed on the
 * contracts the signed-in user is party to. Used from the template as
 * {@code @logEvidenceAlerts}.
 */
@Component("logEvidenceAlerts")
public class LogEvidenceAlerts {

	private final LogFindings logs;

	LogEvidenceAlerts(LogFindings logs) {
		this.logs = logs;
	}

	/**
	 * Returns the open findings the signed-in user may see.
	 * @return per contract and rule, most severe first
	 */
	public List<LogFindings.OpenFindings> openFindings() {
		return CurrentActor.find().map(this.logs::openFindings).orElse(List.of());
	}

}
