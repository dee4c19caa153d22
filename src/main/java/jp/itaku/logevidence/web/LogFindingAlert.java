package jp.itaku.logevidence.web;

import java.util.List;
import java.util.Optional;

import jp.itaku.logevidence.LogFindings;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;
import jp.itaku.platform.web.DashboardAlert;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The dashboard's alert of open log findings on the user's contracts, per contract and
 * rule.
 */
@Component
@Order(20)
class LogFindingAlert implements DashboardAlert {

	private final LogFindings logs;

	LogFindingAlert(LogFindings logs) {
		this.logs = logs;
	}

	@Override
	public Optional<PageFragment> alert(Actor actor) {
		List<LogFindings.OpenFindings> findings = this.logs.openFindings(actor);
		return findings.isEmpty() ? Optional.empty()
				: Optional.of(new PageFragment("logevidence/sections", "dashboardAlert", findings));
	}

}
