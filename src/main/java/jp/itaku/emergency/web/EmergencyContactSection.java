package jp.itaku.emergency.web;

import java.util.Optional;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPageSection;
import jp.itaku.emergency.EmergencyContacts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contract page's link to the emergency contacts, marked 要確認 when the contractor's
 * lead should confirm the list.
 */
@Component
@Order(20)
class EmergencyContactSection implements ContractPageSection {

	private final EmergencyContacts contacts;

	EmergencyContactSection(EmergencyContacts contacts) {
		this.contacts = contacts;
	}

	@Override
	public Optional<PageFragment> section(Actor actor, Contract contract) {
		return Optional
			.of(new PageFragment("emergency/sections", "contractTool", this.contacts.confirmationDue(actor, contract)));
	}

}
