package jp.itaku.asset.web;

import java.util.List;

import jp.itaku.asset.AssetRequests;
import jp.itaku.platform.CurrentActor;

import org.springframework.stereotype.Component;

/**
 * What the dashboards show of the asset registers: take-outs past their planned return on
 * the contracts the signed-in user is party to.
 */
@Component
public class AssetAlerts {

	private final AssetRequests requests;

	AssetAlerts(AssetRequests requests) {
		this.requests = requests;
	}

	/**
	 * Returns the overdue take-outs the signed-in user may see.
	 * @return the take-outs, the longest overdue first
	 */
	public List<AssetRequests.Overdue> overdueTakeOuts() {
		return CurrentActor.find().map(this.requests::overdueTakeOuts).orElse(List.of());
	}

}
