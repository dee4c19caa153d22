package jp.itaku.emergency.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.emergency.ContactChanges;
import jp.itaku.emergency.EmergencyContact;
import jp.itaku.emergency.EmergencyContactListForm;
import jp.itaku.emergency.EmergencyContactVersion;
import jp.itaku.emergency.EmergencyContacts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contract's emergency contacts over the REST API — read by every party, changed,
 * submitted and confirmed by the contractor's leads — scoped and audited as on the pages.
 */
@RestController
class EmergencyContactApiController {

	private final EmergencyContacts contacts;

	EmergencyContactApiController(EmergencyContacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/api/v1/contracts/{id}/emergency-contacts")
	ListView get(@PathVariable("id") UUID contractId) {
		return ListView.of(this.contacts.overview(CurrentActor.require(), contractId));
	}

	@PutMapping("/api/v1/contracts/{id}/emergency-contacts")
	ListView put(@PathVariable("id") UUID contractId, @RequestBody(required = false) EmergencyContactListForm form) {
		Actor actor = CurrentActor.require();
		this.contacts.save(actor, contractId, (form != null) ? form : new EmergencyContactListForm());
		return ListView.of(this.contacts.overview(actor, contractId));
	}

	@PostMapping("/api/v1/contracts/{id}/emergency-contacts/submit")
	VersionView submit(@PathVariable("id") UUID contractId, @RequestBody(required = false) Submit submit) {
		return VersionView
			.of(this.contacts.submit(CurrentActor.require(), contractId, (submit != null) ? submit.comment() : null));
	}

	@PostMapping("/api/v1/contracts/{id}/emergency-contacts/confirm")
	ListView confirm(@PathVariable("id") UUID contractId) {
		Actor actor = CurrentActor.require();
		this.contacts.confirm(actor, contractId);
		return ListView.of(this.contacts.overview(actor, contractId));
	}

	/**
	 * A submission's comment.
	 *
	 * @param comment the lead's comment, optional
	 */
	record Submit(String comment) {
	}

	/**
	 * A contract's list as the API shows it.
	 *
	 * @param contractId the contract
	 * @param entries the lines, by priority
	 * @param updatedAt when the list was last changed ({@code null}: no list yet)
	 * @param lastSubmittedAt when it was last submitted
	 * @param lastConfirmedAt when it was last confirmed current
	 * @param currentAsOf the day it was last known current
	 * @param confirmationDueOn when the next confirmation falls due
	 * @param confirmationDue whether the confirmation is due (要確認)
	 * @param unsubmittedChanges whether it differs from the version last submitted
	 * @param changes what changed since that version
	 * @param versions the submitted versions, newest first
	 * @param obligations the obligations it meets
	 */
	record ListView(UUID contractId, List<EntryView> entries, @Nullable Instant updatedAt,
			@Nullable Instant lastSubmittedAt, @Nullable Instant lastConfirmedAt, @Nullable LocalDate currentAsOf,
			@Nullable LocalDate confirmationDueOn, boolean confirmationDue, boolean unsubmittedChanges,
			List<ChangeView> changes, List<VersionView> versions, List<ObligationView> obligations) {

		static ListView of(EmergencyContacts.Overview o) {
			var list = o.list();
			return new ListView(o.contract().getId(),
					(list != null) ? list.getEntries().stream().map(EntryView::of).toList() : List.of(),
					(list != null) ? list.getUpdatedAt() : null, (list != null) ? list.getLastSubmittedAt() : null,
					(list != null) ? list.getLastConfirmedAt() : null, (list != null) ? list.getCurrentAsOf() : null,
					o.confirmationDueOn(), o.confirmationDue(), o.unsubmittedChanges(),
					o.changes().stream().map(ChangeView::of).toList(),
					o.versions().stream().map(VersionView::of).toList(),
					o.obligations().stream().map((ob) -> ObligationView.of(ob, o.today())).toList());
		}

	}

	/**
	 * One line.
	 *
	 * @param priority the order of calling (連絡順位)
	 * @param name the name
	 * @param department the department (所属・部署)
	 * @param jobTitle the job title (役職)
	 * @param phone the telephone number
	 * @param mobile the mobile number
	 * @param email the e-mail address
	 * @param hours when reachable
	 * @param outOfHours whether reachable at night and on holidays
	 * @param notes notes
	 */
	record EntryView(int priority, String name, String department, @Nullable String jobTitle, @Nullable String phone,
			@Nullable String mobile, @Nullable String email, String hours, boolean outOfHours, @Nullable String notes) {

		static EntryView of(EmergencyContact c) {
			return new EntryView(c.getPriority(), c.getName(), c.getDepartment(), c.getJobTitle(), c.getPhone(),
					c.getMobile(), c.getEmail(), c.getHours(), c.isOutOfHours(), c.getNotes());
		}

	}

	/**
	 * One change since the last submitted version.
	 *
	 * @param kind ADDED, REMOVED or CHANGED
	 * @param name whose line
	 * @param field the field changed
	 * @param before its value before
	 * @param after its value after
	 */
	record ChangeView(String kind, String name, @Nullable String field, @Nullable String before,
			@Nullable String after) {

		static ChangeView of(ContactChanges.Change c) {
			return new ChangeView(c.kind().name(), c.name(), (c.field() != null) ? c.field().name() : null, c.before(),
					c.after());
		}

	}

	/**
	 * A submitted version.
	 *
	 * @param number its number (第N版)
	 * @param period the occurrence it was filed for ({@code START} or a change's key)
	 * @param submittedAt when
	 * @param sha256 the PDF's SHA-256
	 * @param obligations how many obligations it was submitted to
	 */
	record VersionView(int number, String period, Instant submittedAt, String sha256, int obligations) {

		static VersionView of(EmergencyContactVersion v) {
			return new VersionView(v.getNumber(), v.getPeriodKey(), v.getSubmittedAt(), v.getSha256(),
					v.getObligations());
		}

	}

	/**
	 * An obligation the list meets.
	 *
	 * @param id the obligation
	 * @param clauseRef its clause
	 * @param period its occurrence
	 * @param dueDate when it is due
	 * @param status its effective status
	 */
	record ObligationView(UUID id, String clauseRef, String period, @Nullable LocalDate dueDate,
			ObligationStatus status) {

		static ObligationView of(Obligation o, LocalDate today) {
			return new ObligationView(o.getId(), o.getClauseRef(), o.getPeriodKey(), o.getDueDate(),
					o.effectiveStatus(today));
		}

	}

}
