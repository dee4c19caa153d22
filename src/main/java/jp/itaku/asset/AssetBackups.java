package jp.itaku.asset;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's operational backups: declared once by the contractor's lead as the
 * permitted exception to per-copy approval (Setagaya 7: 業務上必要なバックアップを取得する場合を除き), approved
 * by the client (maker and checker both recorded), erased by an approved disposal that
 * includes them. Each step is audited. Declaring them is the action before which a
 * profile may ask for the backup method's approval (Setagaya 19,
 * {@link GuardedAction#BACKUP}): the declaration raises those obligations (key
 * {@value #KEY}), and the client's approval accepts the notice submitted to them.
 */
@Service
public class AssetBackups {

	/** The occurrence key of the obligations a backup declaration raises. */
	static final String KEY = "BACKUP";

	private final AssetBackupRepository backups;

	private final AssetRegister register;

	private final Contracts contracts;

	private final AuditTrail audit;

	private final Clock clock;

	private final Obligations obligations;

	private final AssetRequestForms forms;

	AssetBackups(AssetBackupRepository backups, AssetRegister register, Contracts contracts, AuditTrail audit,
			Clock clock, Obligations obligations, AssetRequestForms forms) {
		this.obligations = obligations;
		this.forms = forms;
		this.backups = backups;
		this.register = register;
		this.contracts = contracts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Declares the contract's operational backups, once, as the permitted exception to
	 * per-copy approval.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param form what, where, how long
	 * @return the declaration
	 */
	@Transactional
	public AssetBackup declareBackups(Actor actor, UUID contractId, BackupForm form) {
		this.register.recordable(actor, contractId);
		List<FieldProblem> problems = form.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		if (this.backups.existsById(contractId)) {
			throw new InvalidInputProblem("description", "asset.backup.error.declaredAlready");
		}
		AssetBackup backup = this.backups.save(new AssetBackup(contractId, AssetItemForm.clean(form.getDescription()),
				AssetItemForm.clean(form.getStorage()), AssetItemForm.clean(form.getRetention()), actor.userId(),
				Instant.now(this.clock)));
		List<Obligation> raised = this.obligations.raise(contractId, ObligationTrigger.before(GuardedAction.BACKUP),
				new Obligations.Occurrence(KEY, ItakuTime.today(this.clock),
						this.forms.text("asset.backup.subject", backup.getDescription()), "AssetBackup:" + contractId));
		this.audit.record(AuditRecord.of("ASSET_BACKUPS_DECLARED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("contract", contractId)
			.detail("obligations", raised.stream().map(Obligation::getId).toList()));
		return backup;
	}

	/**
	 * The client approves the backup declaration.
	 * @param actor a client officer or security administrator of the contract's client
	 * @param contractId the contract
	 */
	@Transactional
	public void approveBackups(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		ContractRoles.require(ContractRoles.decidesForClientWhileOpen(actor, contract));
		AssetBackup backup = this.backups.findById(contractId)
			.orElseThrow(() -> new InvalidInputProblem("status", "asset.backup.error.none"));
		backup.approve(actor, Instant.now(this.clock));
		List<UUID> reviewed = this.obligations.reviewFor(actor, contractId, Deliverable.WRITTEN_NOTICE, KEY, true,
				this.forms.text("asset.backup.approvedComment"));
		this.audit.record(AuditRecord.of("ASSET_BACKUPS_APPROVED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("contract", contractId)
			.detail("reviewed", reviewed));
	}

	/**
	 * Returns a contract's backup declaration, for the request that names or erases it
	 * (scoped by the caller).
	 * @param contractId the contract
	 * @return the declaration, if any
	 */
	Optional<AssetBackup> declared(UUID contractId) {
		return this.backups.findById(contractId);
	}

	/**
	 * Returns what keeps a disposal from including the contract's backups: none declared,
	 * or erased already.
	 * @param contractId the contract
	 * @return the problems, naming the field {@code includeBackups}
	 */
	List<FieldProblem> inclusionProblems(UUID contractId) {
		return declared(contractId)
			.map((backup) -> backup.isErased()
					? List.of(new FieldProblem("includeBackups", "asset.backup.error.erasedAlready"))
					: List.<FieldProblem>of())
			.orElseGet(() -> List.of(new FieldProblem("includeBackups", "asset.backup.error.none")));
	}

}
