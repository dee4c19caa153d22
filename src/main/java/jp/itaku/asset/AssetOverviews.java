package jp.itaku.asset;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a contract's asset page shows beside the register: its requests, shipments and
 * backup declaration, and what the reader may do with them. A read across the three
 * aggregates; each is changed only through its own service ({@link AssetRequests},
 * {@link AssetShipments}, {@link AssetBackups}).
 */
@Service
public class AssetOverviews {

	private final AssetRequestRepository requests;

	private final AssetShipmentRepository shipments;

	private final AssetBackupRepository backups;

	private final AssetRegister register;

	private final Contracts contracts;

	private final Clock clock;

	AssetOverviews(AssetRequestRepository requests, AssetShipmentRepository shipments, AssetBackupRepository backups,
			AssetRegister register, Contracts contracts, Clock clock) {
		this.requests = requests;
		this.shipments = shipments;
		this.backups = backups;
		this.register = register;
		this.contracts = contracts;
		this.clock = clock;
	}

	/**
	 * Returns a contract's requests, shipments and backup declaration.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the overview
	 */
	@Transactional(readOnly = true)
	public Overview overview(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		Instant now = Instant.now(this.clock);
		List<AssetRequest> list = this.requests.findByContractIdOrderByRequestedAtDesc(contractId);
		return new Overview(contract, list, this.shipments.findByContractIdOrderByShippedAtDesc(contractId),
				this.backups.findById(contractId).orElse(null), this.register.mayRecord(actor, contract),
				ContractRoles.decidesForClientWhileOpen(actor, contract),
				list.stream().filter((r) -> r.isOverdue(now)).count());
	}

	/**
	 * A contract's requests, shipments and backups.
	 *
	 * @param contract the contract
	 * @param requests the requests, latest first
	 * @param shipments the shipments, latest first
	 * @param backup the backup declaration, or {@code null}
	 * @param mayApply whether the actor may apply and record
	 * @param mayDecide whether the actor may decide
	 * @param overdue how many take-outs are overdue
	 */
	public record Overview(Contract contract, List<AssetRequest> requests, List<AssetShipment> shipments,
			@Nullable AssetBackup backup, boolean mayApply, boolean mayDecide, long overdue) {
	}

}
