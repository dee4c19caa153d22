package jp.itaku.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jp.itaku.catalog.EndCondition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractEvents.ContractEnded;
import jp.itaku.contract.ContractStatus;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The duties due at the end of the contract that depend on what the register shows
 * (requirements with {@code onlyIf}): when the contract ends, a return of the assets
 * received and still held (Setagaya 29, Gunma 13②) and the report of the erasure of
 * copies when a copy was ever made (Setagaya 7); when, after the end, a disposal of
 * received assets is reported, the report that return was impossible (Setagaya 29: 返却が
 * 不可能な場合). Nothing is raised when nothing happened: a contract whose assets were all
 * returned owes no disposal report.
 */
@Component
class AssetEndOfContract {

	/** The occurrence key of every duty due at the end, as the planned ones carry. */
	static final String END = "END";

	private final AssetRepository assets;

	private final AssetEventRepository events;

	private final Obligations obligations;

	private final AssetRequestForms forms;

	AssetEndOfContract(AssetRepository assets, AssetEventRepository events, Obligations obligations,
			AssetRequestForms forms) {
		this.assets = assets;
		this.events = events;
		this.obligations = obligations;
		this.forms = forms;
	}

	@EventListener
	void on(ContractEnded event) {
		ended(event.contractId(), event.endedOn());
	}

	/**
	 * Raises what the end of the contract demands of the register as it stands: the
	 * return of the received assets still held, the report on copies when any was made.
	 * @param contractId the contract
	 * @param day the day it ended (Tokyo)
	 * @return the obligations raised
	 */
	List<Obligation> ended(UUID contractId, LocalDate day) {
		Map<UUID, List<AssetEvent>> byAsset = new HashMap<>();
		for (AssetEvent event : this.events.findByContractIdOrderByRecordedAtAsc(contractId)) {
			byAsset.computeIfAbsent(event.getAssetId(), (k) -> new ArrayList<>()).add(event);
		}
		List<AssetClauses.Facts> held = new ArrayList<>();
		List<AssetClauses.Facts> copies = new ArrayList<>();
		for (Asset asset : this.assets.findByContractIdOrderByCreatedAtAscPositionAsc(contractId)) {
			List<AssetEvent> history = byAsset.get(asset.getId());
			if (history == null) {
				continue;
			}
			AssetEvent state = AssetRegister.current(history);
			if (asset.isCopy()) {
				copies.add(AssetClauses.Facts.of(state));
			}
			else if (!state.getStatus().isSettled()) {
				held.add(AssetClauses.Facts.of(state));
			}
		}
		List<Obligation> raised = new ArrayList<>();
		raised.addAll(raise(contractId, EndCondition.ASSETS_NOT_RETURNED, held, day));
		raised.addAll(raise(contractId, EndCondition.COPIES_MADE, copies, day));
		return raised;
	}

	/**
	 * Raises, for a disposal reported after the contract ended, the report its clauses
	 * ask for: of received assets that could not be returned, of copies.
	 * @param contract the contract
	 * @param states the disposed assets' states before the disposal
	 * @param day the day of the report (Tokyo)
	 * @return the obligations raised, none during the contract
	 */
	List<Obligation> disposed(Contract contract, List<AssetEvent> states, LocalDate day) {
		if (contract.getStatus() != ContractStatus.ENDED) {
			return List.of();
		}
		List<AssetClauses.Facts> received = new ArrayList<>();
		List<AssetClauses.Facts> copies = new ArrayList<>();
		for (AssetEvent state : states) {
			boolean copy = this.assets.findById(state.getAssetId()).map(Asset::isCopy).orElse(false);
			(copy ? copies : received).add(AssetClauses.Facts.of(state));
		}
		List<Obligation> raised = new ArrayList<>();
		raised.addAll(raise(contract.getId(), EndCondition.RETURN_IMPOSSIBLE, received, day));
		raised.addAll(raise(contract.getId(), EndCondition.COPIES_MADE, copies, day));
		return raised;
	}

	private List<Obligation> raise(UUID contractId, EndCondition condition, List<AssetClauses.Facts> facts,
			LocalDate day) {
		if (facts.isEmpty()) {
			return List.of();
		}
		Predicate<RequirementDefinition> concerns = AssetClauses.concernsAny(facts);
		return this.obligations.raise(contractId, ObligationTrigger.contractEnd(), new Obligations.Occurrence(END, day,
				this.forms.text("asset.end.subject." + condition.name(), facts.size()), "Contract:" + contractId),
				(requirement) -> requirement.onlyIf() == condition && concerns.test(requirement));
	}

}
