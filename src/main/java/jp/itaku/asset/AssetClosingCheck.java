package jp.itaku.asset;

import java.util.List;
import java.util.UUID;

import jp.itaku.contract.ContractClosingCheck;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * The close-out gate of the asset register (Setagaya 29–31, Kadoma 9, Nerima 20–21, Gunma
 * 13②): a contract is closed only when every asset and every copy is returned or disposed
 * of with a report, no request is open and declared backups are erased.
 */
@Component
class AssetClosingCheck implements ContractClosingCheck {

	private final AssetRequests requests;

	AssetClosingCheck(AssetRequests requests) {
		this.requests = requests;
	}

	@Override
	public List<FieldProblem> blockers(UUID contractId) {
		return this.requests.closingBlockers(contractId);
	}

}
