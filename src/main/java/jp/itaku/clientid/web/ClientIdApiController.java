package jp.itaku.clientid.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.clientid.ClientIds;
import jp.itaku.clientid.ClientIssuedId;
import jp.itaku.clientid.Finding;
import jp.itaku.clientid.IdKind;
import jp.itaku.clientid.InactiveReason;
import jp.itaku.clientid.IssueIdForm;
import jp.itaku.clientid.MemberIds;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.platform.CurrentActor;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.WorkerRole;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Client-issued IDs over the REST API, scoped and audited exactly as in the UI: a
 * contract's IDs by person, issue, revoke, and the findings across the client's
 * contracts.
 */
@RestController
class ClientIdApiController {

	private final ClientIds ids;

	ClientIdApiController(ClientIds ids) {
		this.ids = ids;
	}

	@GetMapping("/api/v1/contracts/{id}/ids")
	List<MemberView> forContract(@PathVariable("id") UUID contractId) {
		return this.ids.register(CurrentActor.require(), contractId).members().stream().map(MemberView::of).toList();
	}

	@PostMapping("/api/v1/contracts/{id}/ids")
	@Idempotent
	ResponseEntity<IdView> issue(@PathVariable("id") UUID contractId, @RequestBody IssueIdForm form) {
		ClientIssuedId id = this.ids.issue(CurrentActor.require(), contractId, form);
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + contractId + "/ids")).body(IdView.of(id));
	}

	@PostMapping("/api/v1/ids/{id}/revoke")
	List<IdView> revoke(@PathVariable("id") UUID id, @RequestBody(required = false) Revocation revocation) {
		return this.ids
			.revoke(CurrentActor.require(), id, (revocation != null) ? revocation.revokedOn() : null,
					(revocation != null) ? revocation.note() : null)
			.stream()
			.map(IdView::of)
			.toList();
	}

	@GetMapping("/api/v1/ids/findings")
	List<FindingView> findings() {
		return this.ids.findings(CurrentActor.require()).stream().map(FindingView::of).toList();
	}

	/**
	 * A revocation.
	 *
	 * @param revokedOn the day the ID was revoked
	 * @param note what was done
	 */
	record Revocation(LocalDate revokedOn, String note) {
	}

	/**
	 * An ID as the API shows it.
	 *
	 * @param id the record's id
	 * @param contractId its contract
	 * @param memberId the roster member it was issued to
	 * @param kind verification or operator ID
	 * @param parentId the verification ID an operator ID hangs under
	 * @param value the ID itself
	 * @param systemName the system or terminal it opens
	 * @param scopeNote its permissions
	 * @param issuedOn when it was issued
	 * @param revokedOn when it was revoked
	 * @param revocationNote what was done
	 * @param active whether it still works
	 */
	record IdView(UUID id, UUID contractId, UUID memberId, IdKind kind, @Nullable UUID parentId, String value,
			String systemName, @Nullable String scopeNote, LocalDate issuedOn, @Nullable LocalDate revokedOn,
			@Nullable String revocationNote, boolean active) {

		static IdView of(ClientIssuedId i) {
			return new IdView(i.getId(), i.getContractId(), i.getMemberId(), i.getKind(), i.getParentId(), i.getValue(),
					i.getSystemName(), i.getScopeNote(), i.getIssuedOn(), i.getRevokedOn(), i.getRevocationNote(),
					i.isActive());
		}

	}

	/**
	 * A person of the roster with their IDs.
	 *
	 * @param memberId the roster member
	 * @param name the name
	 * @param role the role
	 * @param status the roster status
	 * @param lastDay the last day of work, once left
	 * @param inactiveReason why the person no longer works on the contract
	 * @param finding whether an ID still works for a person no longer active
	 * @param revocationNoticeId the obligation to report the departure
	 * @param revocationNoticeStatus its status today
	 * @param ids the IDs, each verification ID followed by its operator IDs
	 */
	record MemberView(UUID memberId, String name, WorkerRole role, MemberStatus status, @Nullable LocalDate lastDay,
			@Nullable InactiveReason inactiveReason, boolean finding, @Nullable UUID revocationNoticeId,
			@Nullable ObligationStatus revocationNoticeStatus, List<IdView> ids) {

		static MemberView of(MemberIds m) {
			return new MemberView(m.member().getId(), m.member().getName(), m.member().getRole(),
					m.member().getStatus(), m.member().getActualEnd(), m.inactiveReason(), m.isFinding(),
					(m.revocationNotice() != null) ? m.revocationNotice().getId() : null, m.noticeStatus(),
					m.ids().stream().map(IdView::of).toList());
		}

	}

	/**
	 * A finding: IDs still active for a person no longer active.
	 *
	 * @param contractId the contract
	 * @param contractNumber its number
	 * @param member the person, with every ID
	 * @param activeIds the IDs to revoke
	 */
	record FindingView(UUID contractId, String contractNumber, MemberView member, List<IdView> activeIds) {

		static FindingView of(Finding f) {
			return new FindingView(f.contract().getId(), f.contract().getNumber(), MemberView.of(f.member()),
					f.activeIds().stream().map(IdView::of).toList());
		}

	}

}
