package jp.itaku.subcontract;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractEvents.ContractScopeChanged;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.database.TransactionLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The duties of a subcontracting chain follow the chain (Setagaya 4, Kadoma 8, Nerima
 * 15/16, Gunma 14): whenever a contract's scope changes and it has the subcontracting
 * attribute (gained when the client approved its first subcontract, or set by the client
 * in advance), every approved subcontract of its chain, at every level, has its
 * SUBCONTRACT_APPROVED obligations — Gunma 14③'s staff notice among them. One missed
 * because the contract lacked the attribute when the subcontract was approved is raised
 * now, counted from today: the contractor owes it, but was never shown it. Raising is
 * idempotent per subcontract ({@code SUBOK-<seq>}), so what was raised stays as it was.
 * <p>
 * At start-up, a contract whose chain was approved before the attribute followed the
 * chain gains it now (audited as {@code CONTRACT_ATTRIBUTE_DERIVED} with no actor), which
 * raises what it missed; on any number of nodes, one contract at a time.
 */
@Component
class ChainDuties {

	private static final Logger log = LoggerFactory.getLogger(ChainDuties.class);

	private final SubcontractRepository repository;

	private final ContractSystemReads contractReads;

	private final Obligations obligations;

	private final SubcontractPdf pdf;

	private final WorkingCalendar calendar;

	private final Contracts contracts;

	private final TransactionLocks locks;

	private final TransactionTemplate transactions;

	ChainDuties(SubcontractRepository repository, ContractSystemReads contractReads, Obligations obligations,
			SubcontractPdf pdf, WorkingCalendar calendar, Contracts contracts, TransactionLocks locks,
			PlatformTransactionManager transactionManager) {
		this.contracts = contracts;
		this.locks = locks;
		this.transactions = new TransactionTemplate(transactionManager);
		this.repository = repository;
		this.contractReads = contractReads;
		this.obligations = obligations;
		this.pdf = pdf;
		this.calendar = calendar;
	}

	/**
	 * The contract's attributes may now include subcontracting: raises what its approved
	 * chain owes and was not raised yet.
	 * @param event the scope changed, in the changing transaction
	 */
	@EventListener
	void on(ContractScopeChanged event) {
		raiseApproved(event.contractId());
	}

	/**
	 * Gives every contract with an approved subcontract the subcontracting attribute it
	 * lacks (data from before the attribute followed the chain), raising what it missed.
	 * @return how many contracts gained it
	 */
	@EventListener(ApplicationReadyEvent.class)
	int deriveMissing() {
		int gained = 0;
		for (UUID contractId : this.repository.contractsWithApprovedChain()) {
			if (lacksAttribute(contractId) && Boolean.TRUE.equals(this.transactions.execute((status) -> {
				this.locks.lock("subcontract:" + contractId);
				return this.contracts.deriveAttribute(contractId, ContractAttribute.HAS_SUBCONTRACTORS,
						"SubcontractChain:" + contractId);
			}))) {
				gained++;
			}
		}
		if (gained > 0) {
			log.info("{} contracts with an approved subcontract now have the subcontracting attribute", gained);
		}
		return gained;
	}

	private boolean lacksAttribute(UUID contractId) {
		return this.contractReads.findUnscoped(contractId)
			.map((c) -> !c.getAttributes().contains(ContractAttribute.HAS_SUBCONTRACTORS))
			.orElse(false);
	}

	/**
	 * Raises the SUBCONTRACT_APPROVED obligations of every approved subcontract of a
	 * contract that has the subcontracting attribute.
	 * @param contractId the contract
	 * @return the obligations raised now or before, in chain order; empty when the
	 * contract has no approved subcontract or not the attribute
	 */
	List<Obligation> raiseApproved(UUID contractId) {
		Contract contract = this.contractReads.findUnscoped(contractId).orElse(null);
		if (contract == null || !contract.getAttributes().contains(ContractAttribute.HAS_SUBCONTRACTORS)) {
			return List.of();
		}
		List<Obligation> raised = new ArrayList<>();
		for (Subcontract s : this.repository.findByContractIdOrderBySeqAsc(contractId)) {
			if (s.isApproved()) {
				raised.addAll(raise(s));
			}
		}
		return raised;
	}

	/**
	 * Raises one approved subcontract's SUBCONTRACT_APPROVED obligations (idempotent).
	 * @param s the subcontract
	 * @return its obligations
	 */
	List<Obligation> raise(Subcontract s) {
		return this.obligations.raise(s.getContractId(), ObligationTrigger.event(TriggerEvent.SUBCONTRACT_APPROVED),
				new Obligations.Occurrence("SUBOK-" + s.getSeq(), this.calendar.today(),
						this.pdf.text("subcontract.obligation.approvedSubject", s.getSubcontractorName(), s.getSeq()),
						"Subcontract:" + s.getId()));
	}

}
