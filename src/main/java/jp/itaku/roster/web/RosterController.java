package jp.itaku.roster.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.ContractParties;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.web.Idempotent;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.NationalityPurpose;
import jp.itaku.roster.RosterChange;
import jp.itaku.roster.RosterContents;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.RosterNotice;
import jp.itaku.roster.RosterWorkbook;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerReadiness;
import jp.itaku.roster.WorkerRole;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contract's roster page: members with status, readiness, role, location and period;
 * adding and changing workers (the lead); starting (with the audited override when not
 * ready) and ending their work; the changes waiting for the next written notice and
 * filing it; the notices filed with their PDFs; the roster as of a date; the Excel
 * export; and, for the client's security administrator only, the nationality for a
 * purpose the clause allows.
 */
@Controller
class RosterController {

	private final Rosters rosters;

	private final Contracts contracts;

	private final RosterWorkbook workbook;

	private final RosterProblems problems;

	RosterController(Rosters rosters, Contracts contracts, RosterWorkbook workbook, RosterProblems problems) {
		this.rosters = rosters;
		this.contracts = contracts;
		this.workbook = workbook;
		this.problems = problems;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("name", "affiliation", "role", "duties", "workLocation", "handlesPersonalInformation",
				"handoverPerson", "expertise", "trackRecord", "nationality", "periodStart", "plannedEnd", "userId");
	}

	@GetMapping("/contracts/{id}/roster")
	String roster(@PathVariable("id") UUID id, @RequestParam(name = "asOf", required = false) String asOf,
			Model model) {
		Actor actor = CurrentActor.require();
		ContractPart part = this.contracts.part(actor, id);
		Contract contract = part.contract();
		List<RosterMember> members = this.rosters.members(actor, id);
		Map<UUID, WorkerReadiness.Readiness> readiness = new HashMap<>();
		long notReady = 0;
		for (RosterMember member : members) {
			WorkerReadiness.Readiness ready = this.rosters.readinessOf(member.getId());
			readiness.put(member.getId(), ready);
			if (member.getStatus() != MemberStatus.LEFT && !ready.ready()) {
				notReady++;
			}
		}
		// Notices are the contractor's, for the whole roster: a subcontractor sees its
		// own workers only.
		List<RosterNotice> notices = part.whole() ? this.rosters.notices(actor, id) : List.of();
		Map<UUID, List<RosterChange>> changesByNotice = new LinkedHashMap<>();
		for (RosterNotice notice : notices) {
			changesByNotice.put(notice.getId(), this.rosters.changesOf(actor, notice.getId()));
		}
		model.addAttribute("contract", contract);
		ContractParties parties = this.contracts.parties(actor, contract);
		model.addAttribute("client", parties.client().getName());
		model.addAttribute("contractor", parties.contractor().getName());
		model.addAttribute("members", members);
		model.addAttribute("readiness", readiness);
		model.addAttribute("notReady", notReady);
		model.addAttribute("part", part);
		model.addAttribute("organisationNames", this.contracts.participantNames(actor, contract,
				members.stream().map(RosterMember::getOrganisationId).collect(Collectors.toSet())));
		model.addAttribute("pending", part.whole() ? this.rosters.pendingChanges(actor, id) : List.of());
		model.addAttribute("mayFileNotice", this.rosters.mayFileNotice(actor, contract));
		// What the profile asks the roster to say and a member still lacks, before
		// filing.
		List<ItakuProblem.FieldProblem> missing = this.rosters.mayFileNotice(actor, contract)
				? this.rosters.missingContents(actor, id) : List.of();
		model.addAttribute("missingContents",
				missing.isEmpty() ? List.of() : this.problems.messages(new InvalidInputProblem(missing)));
		model.addAttribute("notices", notices);
		model.addAttribute("changesByNotice", changesByNotice);
		model.addAttribute("mayEdit", this.rosters.mayEdit(actor, contract));
		model.addAttribute("nationalityAsked", this.rosters.asksNationality(contract));
		model.addAttribute("maySeeNationality", this.rosters.maySeeNationality(actor, contract));
		model.addAttribute("purposes", NationalityPurpose.values());
		model.addAttribute("nationalityEvents", this.rosters.nationalityEvents(actor, contract));
		if (asOf != null && !asOf.isBlank() && part.whole()) {
			try {
				LocalDate day = LocalDate.parse(asOf.strip());
				model.addAttribute("asOf", day);
				model.addAttribute("asOfRows", this.rosters.asOf(actor, id, day));
			}
			catch (DateTimeParseException ex) {
				model.addAttribute("actionErrors",
						this.problems.messages(new InvalidInputProblem("asOf", "roster.web.badDate", asOf.strip())));
			}
		}
		return "roster/roster";
	}

	@GetMapping("/contracts/{id}/roster/new")
	String newMember(@PathVariable("id") UUID id, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = editable(actor, id);
		RosterMemberForm form = new RosterMemberForm();
		form.setPeriodStart(contract.getPeriodStart());
		model.addAttribute("form", form);
		return form(model, contract, null);
	}

	@PostMapping("/contracts/{id}/roster/new")
	@Idempotent
	String add(@PathVariable("id") UUID id, @ModelAttribute("form") RosterMemberForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.getAsParticipant(actor, id);
		if (!result.hasErrors()) {
			try {
				this.rosters.add(actor, id, form);
				redirect.addFlashAttribute("flash", "roster.web.added");
				return "redirect:/contracts/" + id + "/roster";
			}
			catch (InvalidInputProblem problem) {
				this.problems.reject(result, problem);
			}
		}
		form.setNationality(null);
		return form(model, contract, null);
	}

	@GetMapping("/roster/{memberId}/edit")
	String editMember(@PathVariable("memberId") UUID memberId, Model model) {
		Actor actor = CurrentActor.require();
		RosterMember member = this.rosters.member(actor, memberId);
		Contract contract = editable(actor, member.getContractId());
		model.addAttribute("form", RosterMemberForm.of(member));
		return form(model, contract, member);
	}

	@PostMapping("/roster/{memberId}/edit")
	String update(@PathVariable("memberId") UUID memberId, @ModelAttribute("form") RosterMemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		RosterMember member = this.rosters.member(actor, memberId);
		Contract contract = this.contracts.getAsParticipant(actor, member.getContractId());
		if (!result.hasErrors()) {
			try {
				this.rosters.update(actor, memberId, form);
				redirect.addFlashAttribute("flash", "roster.web.changed");
				return "redirect:/contracts/" + contract.getId() + "/roster";
			}
			catch (InvalidInputProblem problem) {
				this.problems.reject(result, problem);
			}
		}
		form.setNationality(null);
		return form(model, contract, member);
	}

	@PostMapping("/roster/{memberId}/activate")
	String activate(@PathVariable("memberId") UUID memberId,
			@RequestParam(name = "override", required = false) String override, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		RosterMember member = this.rosters.member(actor, memberId);
		try {
			this.rosters.activate(actor, memberId, override);
			redirect.addFlashAttribute("flash", "roster.web.activated");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.problems.messages(problem));
		}
		return "redirect:/contracts/" + member.getContractId() + "/roster";
	}

	@PostMapping("/roster/{memberId}/leave")
	String leave(@PathVariable("memberId") UUID memberId,
			@RequestParam(name = "lastDay", required = false) String lastDay, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		RosterMember member = this.rosters.member(actor, memberId);
		try {
			this.rosters.leave(actor, memberId, date("actualEnd", lastDay));
			redirect.addFlashAttribute("flash", "roster.web.left");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.problems.messages(problem));
		}
		return "redirect:/contracts/" + member.getContractId() + "/roster";
	}

	@PostMapping("/contracts/{id}/roster/notices")
	@Idempotent
	String fileNotice(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		try {
			RosterNotice notice = this.rosters.fileNotice(CurrentActor.require(), id);
			redirect.addFlashAttribute("flash", notice.isInitial() ? "roster.web.filedInitial" : "roster.web.filed");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.problems.messages(problem));
		}
		return "redirect:/contracts/" + id + "/roster";
	}

	@GetMapping("/roster/notices/{noticeId}/pdf")
	void notice(@PathVariable("noticeId") UUID noticeId, HttpServletResponse response) throws IOException {
		Rosters.OpenedNotice opened = this.rosters.openNotice(CurrentActor.require(), noticeId);
		Downloads.send(response, opened.notice().getFileName(), opened.content());
	}

	@GetMapping("/contracts/{id}/roster.xlsx")
	ResponseEntity<byte[]> export(@PathVariable("id") UUID id) {
		RosterWorkbook.Export export = this.workbook.export(CurrentActor.require(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(export.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(export.content());
	}

	@PostMapping("/roster/{memberId}/nationality")
	String nationality(@PathVariable("memberId") UUID memberId,
			@RequestParam(name = "purpose", required = false) String purpose,
			@RequestParam(name = "reference", required = false) String reference, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Actor actor = CurrentActor.require();
		RosterMember member = this.rosters.member(actor, memberId);
		Contract contract = this.contracts.get(actor, member.getContractId());
		try {
			Rosters.RevealedNationality shown = this.rosters.revealNationality(actor, memberId, purpose(purpose),
					reference);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("contract", contract);
			model.addAttribute("member", member);
			model.addAttribute("nationality", shown.nationality().orElse(null));
			model.addAttribute("purpose", purpose(purpose));
			model.addAttribute("reference", shown.incident().number());
			return "roster/nationality";
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.problems.messages(problem));
			return "redirect:/contracts/" + contract.getId() + "/roster";
		}
	}

	private String form(Model model, Contract contract, @Nullable RosterMember member) {
		model.addAttribute("contract", contract);
		model.addAttribute("member", member);
		model.addAttribute("roles", WorkerRole.values());
		model.addAttribute("users", this.rosters.linkableUsers(CurrentActor.require(), contract));
		model.addAttribute("nationalityAsked", this.rosters.asksNationality(contract));
		RosterContents required = this.rosters.requiredContents(contract);
		model.addAttribute("requiredFields", required.codes());
		model.addAttribute("requiredClauses", String.join("、", required.clauses()));
		model.addAttribute("mayEdit", this.rosters.mayEdit(CurrentActor.require(), contract));
		return "roster/form";
	}

	private Contract editable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		if (!this.rosters.mayEdit(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	static @Nullable NationalityPurpose purpose(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return NationalityPurpose.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputProblem(field, "validation.required");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputProblem(field, "roster.web.badDate", value.strip());
		}
	}

}
