package jp.itaku.servicelevel.web;

import java.util.List;
import java.util.Optional;

import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;
import jp.itaku.platform.web.DashboardAlert;
import jp.itaku.servicelevel.ServiceLevels;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The dashboard's alert of service levels missed in the latest closed period of the
 * user's contracts.
 */
@Component
@Order(10)
class ServiceLevelAlert implements DashboardAlert {

	private final ServiceLevels serviceLevels;

	ServiceLevelAlert(ServiceLevels serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	@Override
	public Optional<PageFragment> alert(Actor actor) {
		List<ServiceLevels.Breach> breaches = this.serviceLevels.recentBreaches(actor);
		return breaches.isEmpty() ? Optional.empty()
				: Optional.of(new PageFragment("servicelevels/sections", "dashboardAlert", breaches));
	}

}
