package jp.itaku.demo;

import jp.itaku.contract.Contract;
import jp.itaku.platform.Actor;
import jp.itaku.roster.RosterContents;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;

import org.jspecify.annotations.Nullable;

/**
 * Demo workers say what their contract's profile asks the roster to say (e.g. Kadoma
 * 2(4)'s expertise, track record and nationality, Nerima 第7条's planned end), so that
 * every demo roster notice is accepted: each demo step completes what it left blank from
 * here, with values a real worker of the demo's contracts would have.
 */
final class DemoMembers {

	private DemoMembers() {
	}

	/**
	 * Fills in what the profile requires and the form leaves blank.
	 * @param rosters the rosters, for the profile's requirements
	 * @param contract the contract
	 * @param form the worker
	 * @return the same form
	 */
	static RosterMemberForm complete(Rosters rosters, Contract contract, RosterMemberForm form) {
		RosterContents required = rosters.requiredContents(contract);
		for (RosterContents.Field field : required.fields()) {
			switch (field) {
				case DUTIES -> {
					if (blank(form.getDuties())) {
						form.setDuties("委託業務の補助");
					}
				}
				case WORK_LOCATION -> {
					if (blank(form.getWorkLocation())) {
						String site = contract.getWorkLocations();
						form.setWorkLocation((site == null || site.isBlank()) ? "受託者 本社"
								: site.lines().findFirst().orElse("受託者 本社"));
					}
				}
				case EXPERTISE -> {
					if (blank(form.getExpertise())) {
						form.setExpertise("個人情報保護研修 修了");
					}
				}
				case TRACK_RECORD -> {
					if (blank(form.getTrackRecord())) {
						form.setTrackRecord("自治体の窓口・入力業務 2年");
					}
				}
				case NATIONALITY -> {
					if (blank(form.getNationality())) {
						form.setNationality("日本");
					}
				}
				case PLANNED_END -> {
					if (form.getPlannedEnd() == null) {
						form.setPlannedEnd(contract.getPeriodEnd());
					}
				}
				default -> {
					// name, affiliation, role, the yes-or-no fields and the start are
					// always entered
				}
			}
		}
		return form;
	}

	/**
	 * Adds a worker completed as by {@link #complete}.
	 * @param rosters the rosters
	 * @param lead the lead who keeps the worker
	 * @param contract the contract
	 * @param form the worker
	 * @return the member
	 */
	static RosterMember add(Rosters rosters, Actor lead, Contract contract, RosterMemberForm form) {
		return rosters.add(lead, contract.getId(), complete(rosters, contract, form));
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
