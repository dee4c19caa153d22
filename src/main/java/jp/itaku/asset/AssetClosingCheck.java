package jp.itaku.asset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.contract.ContractClosingCheck;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The close-out gate of the asset register (Setagaya 29–31, Kadoma 9, Nerima 20–21, Gunma
 * 13②): a contract is closed only when every asset and every copy is returned or disposed
 * of with a report, no request is open and declared backups are erased.
 */
@Component
class AssetClosingCheck implements ContractClosingCheck {

	private final AssetRepository assets;

	private final AssetEventRepository events;

	private final AssetRequestRepository requests;

	private final AssetBackupRepository backups;

	AssetClosingCheck(AssetRepository assets, AssetEventRepository events, AssetRequestRepository requests,
			AssetBackupRepository backups) {
		this.assets = assets;
		this.events = events;
		this.requests = requests;
		this.backups = backups;
	}

	/**
	 * Lists what keeps a contract from being closed as far as its assets go: every asset
	 * and copy not returned or disposed of with a report, every open request, backups not
	 * erased.
	 * @param contractId the contract
	 * @return the problems, in the order of the register
	 */
	@Override
	@Transactional(readOnly = true)
	public List<FieldProblem> blockers(UUID contractId) {
		List<FieldProblem> blockers = new ArrayList<>();
		Map<UUID, List<AssetEvent>> byAsset = new HashMap<>();
		for (AssetEvent event : this.events.findByContractIdOrderByRecordedAtAsc(contractId)) {
			byAsset.computeIfAbsent(event.getAssetId(), (k) -> new ArrayList<>()).add(event);
		}
		for (Asset asset : this.assets.findByContractIdOrderByCreatedAtAscPositionAsc(contractId)) {
			List<AssetEvent> history = byAsset.get(asset.getId());
			if (history == null) {
				continue;
			}
			AssetEvent state = AssetRegister.current(history);
			if (!state.getStatus().isSettled()) {
				blockers.add(new FieldProblem("status", asset.isCopy() ? "asset.close.copy" : "asset.close.asset",
						state.getDescription(), label("asset.status." + state.getStatus().name())));
			}
		}
		for (AssetRequest request : this.requests.findByContractIdOrderByRequestedAtDesc(contractId)) {
			if (request.getStatus().isOpen()) {
				blockers.add(new FieldProblem("status", "asset.close.request", request.getNumber()));
			}
		}
		this.backups.findById(contractId)
			.filter((b) -> !b.isErased())
			.ifPresent((b) -> blockers.add(new FieldProblem("status", "asset.close.backups", b.getDescription())));
		return blockers;
	}

	private static Object label(String key) {
		// Resolved in the reader's language with the message that names it.
		return new DefaultMessageSourceResolvable(key);
	}

}
