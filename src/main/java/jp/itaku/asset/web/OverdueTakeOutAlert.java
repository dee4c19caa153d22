package jp.itaku.asset.web;

import java.util.List;
import java.util.Optional;

import jp.itaku.asset.AssetRequests;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;
import jp.itaku.platform.web.DashboardAlert;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The dashboard's alert of take-outs not returned by their planned end.
 */
@Component
@Order(30)
class OverdueTakeOutAlert implements DashboardAlert {

	private final AssetRequests requests;

	OverdueTakeOutAlert(AssetRequests requests) {
		this.requests = requests;
	}

	@Override
	public Optional<PageFragment> alert(Actor actor) {
		List<AssetRequests.Overdue> overdue = this.requests.overdueTakeOuts(actor);
		return overdue.isEmpty() ? Optional.empty()
				: Optional.of(new PageFragment("assets/sections", "dashboardAlert", overdue));
	}

}
