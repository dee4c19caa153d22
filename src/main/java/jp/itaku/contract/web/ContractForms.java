package jp.itaku.contract.web;

import java.util.ArrayList;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.ServiceLevelTargetForm;

/**
 * Fills a form from a stored contract, for editing.
 */
final class ContractForms {

	private ContractForms() {
	}

	static ContractForm of(Contract contract) {
		ContractForm form = new ContractForm();
		form.setNumber(contract.getNumber());
		form.setTitle(contract.getTitle());
		form.setClientDepartment(contract.getClientDepartment());
		form.setContractorOrganisationId(contract.getContractorOrganisationId());
		form.setProfileId(contract.getProfileId());
		form.setPeriodStart(contract.getPeriodStart());
		form.setPeriodEnd(contract.getPeriodEnd());
		form.setAttributes(new ArrayList<>(contract.getAttributes()));
		form.setImmediately(contract.getImmediately());
		form.setPromptly(contract.getPromptly());
		form.setWithoutDelay(contract.getWithoutDelay());
		form.setWorkLocations(contract.getWorkLocations());
		form.setReportingInterval(contract.getReportingInterval());
		form.setServiceLevels(contract.getServiceLevels());
		form.setServiceLevelTargets(new ArrayList<>(contract.getServiceLevelTargets()
			.stream()
			.map((t) -> new ServiceLevelTargetForm(t.getName(), t.getMetric(), t.getTarget(), t.getMeasurementPeriod(),
					t.getNotes()))
			.toList()));
		form.setClientContact(contract.getClientContact());
		form.setContractorContact(contract.getContractorContact());
		return form;
	}

}
