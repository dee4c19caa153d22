package jp.itaku.servicelevel.web;

import java.util.List;

import jp.itaku.platform.CurrentActor;
import jp.itaku.servicelevel.ServiceLevels;

import org.springframework.stereotype.Component;

/**
 * What the dashboards show of the service levels: the targets missed in the last three
 * months on the contracts the signed-in user is party to.
 */
@Component
public class ServiceLevelAlerts {

	private final ServiceLevels serviceLevels;

	ServiceLevelAlerts(ServiceLevels serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	/**
	 * Returns the recent breaches the signed-in user may see.
	 * @return the breaches, latest first
	 */
	public List<ServiceLevels.Breach> recentBreaches() {
		return CurrentActor.find().map(this.serviceLevels::recentBreaches).orElse(List.of());
	}

}
