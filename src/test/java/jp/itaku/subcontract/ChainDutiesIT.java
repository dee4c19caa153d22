package jp.itaku.subcontract;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.web.ContractFormsAccess;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subcontract duties follow the chain (issue 18, finding 4): a contract registered
 * without the subcontracting attribute gains it when the client approves its first
 * subcontract, and what is conditioned on it is raised — Gunma 14③'s staff notice on
 * approval, Kadoma 8(5)'s supervision report on the client's request — including what a
 * subcontract approved before the attribute followed the chain missed.
 */
@IntegrationTest
class ChainDutiesIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Subcontracts subcontracts;

	@Autowired
	ChainDuties chainDuties;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Organisation contractor;

	Organisation sub1;

	Organisation sub2;

	Actor officer;

	Actor lead;

	Actor sub1Lead;

	@BeforeEach
	void setUp() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.sub1 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		this.sub2 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.lead = this.fixtures.actor(this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD));
		this.sub1Lead = this.fixtures.actor(this.fixtures.user(this.sub1, Role.CONTRACTOR_LEAD));
	}

	@Test
	void approvingAGunmaSubcontractGivesTheContractSubcontractorsAndRaises14_3sStaffNotice() {
		Contract contract = register("gunma");
		assertThat(contract.getAttributes()).doesNotContain(ContractAttribute.HAS_SUBCONTRACTORS);
		Subcontract s = this.subcontracts.apply(this.lead, contract.getId(), SubcontractsIT.form(this.sub1));
		assertThat(staffNotices(contract, s)).isEmpty();

		this.subcontracts.approve(this.officer, s.getId());

		assertThat(this.contracts.get(this.officer, contract.getId()).getAttributes())
			.contains(ContractAttribute.HAS_SUBCONTRACTORS);
		assertThat(staffNotices(contract, s)).singleElement().satisfies((o) -> {
			assertThat(o.getClauseRef()).isEqualTo("第14条第3項");
			assertThat(o.getSource()).isEqualTo("Subcontract:" + s.getId());
			assertThat(o.getDueDate()).isAfterOrEqualTo(ItakuTime.today(this.clock));
		});
		assertThat(audits("CONTRACT_ATTRIBUTE_DERIVED", contract.getId())).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select details from audit_entry where action = 'CONTRACT_ATTRIBUTE_DERIVED' and target_id = ?")
			.param(contract.getId().toString())
			.query(String.class)
			.single()).contains("HAS_SUBCONTRACTORS").contains("Subcontract:" + s.getId());

		// A further level (再々委託) finds the attribute already there: nothing derived
		// again, and its own staff notice raised.
		Subcontract second = this.subcontracts.apply(this.sub1Lead, contract.getId(), SubcontractsIT.form(this.sub2));
		this.subcontracts.approve(this.officer, second.getId());
		assertThat(staffNotices(contract, second)).hasSize(1);
		assertThat(audits("CONTRACT_ATTRIBUTE_DERIVED", contract.getId())).isEqualTo(1);
	}

	@Test
	void theKadoma8_5SupervisionReportRequestOnAContractWithAnApprovedSubcontractorRaisesIt() {
		Contract contract = register("kadoma");
		Subcontract s = this.subcontracts.apply(this.lead, contract.getId(), SubcontractsIT.form(this.sub1));
		this.subcontracts.approve(this.officer, s.getId());

		List<Obligation> raised = this.subcontracts.askForSupervisionReport(this.officer, contract.getId());

		assertThat(raised).isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getDeliverable()).isEqualTo(Deliverable.SUBCONTRACT_SUPERVISION_REPORT))
			.extracting(Obligation::getClauseRef)
			.contains("8(5)");
	}

	@Test
	void aChainApprovedBeforeTheAttributeFollowedItGetsWhatItMissed() {
		Contract contract = register("gunma");
		Subcontract s = this.subcontracts.apply(this.lead, contract.getId(), SubcontractsIT.form(this.sub1));
		// As the data of an earlier version left it: approved, the contract without the
		// attribute, nothing raised on approval.
		this.jdbc.sql("update subcontract set status = 'APPROVED', decided_at = now() where id = ?")
			.param(s.getId())
			.update();
		assertThat(staffNotices(contract, s)).isEmpty();

		assertThat(this.chainDuties.deriveMissing()).isGreaterThanOrEqualTo(1);

		assertThat(this.contracts.get(this.officer, contract.getId()).getAttributes())
			.contains(ContractAttribute.HAS_SUBCONTRACTORS);
		assertThat(staffNotices(contract, s)).hasSize(1);
		assertThat(this.chainDuties.deriveMissing()).isZero();
		assertThat(staffNotices(contract, s)).hasSize(1);
	}

	@Test
	void settingTheAttributeByHandRaisesWhatTheApprovedChainMissed() {
		Contract contract = register("gunma");
		Subcontract s = this.subcontracts.apply(this.lead, contract.getId(), SubcontractsIT.form(this.sub1));
		this.jdbc.sql("update subcontract set status = 'APPROVED', decided_at = now() where id = ?")
			.param(s.getId())
			.update();

		setSubcontractors(contract, true);

		assertThat(staffNotices(contract, s)).hasSize(1);
	}

	@Test
	void theAttributeCannotBeClearedWhileTheChainHasAnApprovedSubcontract() {
		Contract contract = register("gunma");
		// Set by hand in advance, with no approved subcontract: kept, and may be cleared.
		setSubcontractors(contract, true);
		setSubcontractors(contract, false);
		Subcontract s = this.subcontracts.apply(this.lead, contract.getId(), SubcontractsIT.form(this.sub1));
		this.subcontracts.approve(this.officer, s.getId());

		assertThatThrownBy(() -> setSubcontractors(contract, false)).isInstanceOfSatisfying(InvalidInputProblem.class,
				(ex) -> assertThat(ex.getFieldProblems()).extracting((p) -> p.field() + ":" + p.messageKey())
					.containsExactly("attributes:contract.attributes.chainDerived"));
		assertThat(this.contracts.get(this.officer, contract.getId()).getAttributes())
			.contains(ContractAttribute.HAS_SUBCONTRACTORS);
	}

	private Contract register(String profile) {
		return this.contracts.register(this.officer, this.fixtures.contractForm(this.contractor, profile,
				ItakuTime.today(this.clock).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
	}

	private void setSubcontractors(Contract contract, boolean on) {
		Contract current = this.contracts.get(this.officer, contract.getId());
		ContractForm form = ContractFormsAccess.of(current);
		List<ContractAttribute> attributes = new ArrayList<>(current.getAttributes());
		attributes.remove(ContractAttribute.HAS_SUBCONTRACTORS);
		if (on) {
			attributes.add(ContractAttribute.HAS_SUBCONTRACTORS);
		}
		form.setAttributes(attributes);
		this.contracts.update(this.officer, contract.getId(), form);
	}

	private List<Obligation> staffNotices(Contract contract, Subcontract s) {
		return this.obligationReads.findUnscoped(contract.getId(), Deliverable.SUBCONTRACT_STAFF_NOTICE,
				"SUBOK-" + s.getSeq());
	}

	private long audits(String action, UUID target) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(target.toString())
			.query(Long.class)
			.single();
	}

}
