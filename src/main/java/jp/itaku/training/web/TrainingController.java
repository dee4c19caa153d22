package jp.itaku.training.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.Rosters;
import jp.itaku.training.AttendanceResult;
import jp.itaku.training.Pledge;
import jp.itaku.training.Pledges;
import jp.itaku.training.SessionKind;
import jp.itaku.training.TrainingSession;
import jp.itaku.training.TrainingSessionForm;
import jp.itaku.training.Trainings;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contract's training page: each worker's pledge and training (readiness), the sessions
 * and drills held, recording a new one, and one session with its written record.
 */
@Controller
class TrainingController {

	private final Trainings trainings;

	private final Pledges pledges;

	private final Contracts contracts;

	private final Rosters rosters;

	private final WorkingCalendar calendar;

	private final FormErrors formErrors;

	TrainingController(Trainings trainings, Pledges pledges, Contracts contracts, Rosters rosters,
			WorkingCalendar calendar, FormErrors formErrors) {
		this.trainings = trainings;
		this.pledges = pledges;
		this.contracts = contracts;
		this.rosters = rosters;
		this.calendar = calendar;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("kind", "heldOn", "content", "scenario", "trainer", "result", "improvements",
				"results*");
	}

	@GetMapping("/contracts/{id}/training")
	String training(@PathVariable("id") UUID contractId, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		model.addAttribute("contract", contract);
		model.addAttribute("mayPledge", this.trainings.mayPledge(actor, contract));
		model.addAttribute("organisationId", actor.organisationId());
		model.addAttribute("workers", this.trainings.overview(actor, contractId));
		model.addAttribute("sessions", this.trainings.sessions(actor, contractId));
		model.addAttribute("filings", this.trainings.filings(actor, contractId));
		model.addAttribute("mayRecord", this.trainings.mayRecord(actor, contract));
		model.addAttribute("today", this.calendar.today());
		return "training/index";
	}

	@PostMapping("/contracts/{id}/training/pledges")
	@Idempotent
	String generatePledge(@PathVariable("id") UUID contractId, @RequestParam("member") UUID memberId,
			@RequestParam(name = "pledgeDate",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			RedirectAttributes redirect) {
		try {
			Pledge pledge = this.pledges.generate(CurrentActor.require(), memberId, date);
			redirect.addFlashAttribute("flash", "training.pledge.generated");
			return "redirect:/pledges/" + pledge.getId();
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
			return "redirect:/contracts/" + contractId + "/training";
		}
	}

	@GetMapping("/contracts/{id}/training/sessions/new")
	String newSession(@PathVariable("id") UUID contractId,
			@RequestParam(name = "kind", defaultValue = "TRAINING") SessionKind kind, Model model) {
		TrainingSessionForm form = new TrainingSessionForm();
		form.setKind(kind);
		form.setHeldOn(this.calendar.today());
		model.addAttribute("form", form);
		return sessionForm(contractId, model);
	}

	@PostMapping("/contracts/{id}/training/sessions")
	@Idempotent
	String record(@PathVariable("id") UUID contractId, @ModelAttribute("form") TrainingSessionForm form,
			BindingResult result, @RequestParam(name = "materials", required = false) MultipartFile materials,
			Model model, RedirectAttributes redirect) throws IOException {
		Actor actor = CurrentActor.require();
		if (!result.hasErrors()) {
			try {
				Trainings.Upload upload = (materials == null || materials.isEmpty()) ? null : new Trainings.Upload(
						materials.getOriginalFilename(), materials.getContentType(), materials.getInputStream());
				TrainingSession session = this.trainings.record(actor, contractId, form, upload);
				redirect.addFlashAttribute("flash", "training.session.recorded." + session.getKind());
				return "redirect:/training/sessions/" + session.getId();
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		return sessionForm(contractId, model);
	}

	private String sessionForm(UUID contractId, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.get(actor, contractId);
		if (!this.trainings.mayRecord(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		List<RosterMember> members = this.rosters.members(actor, contractId)
			.stream()
			.filter((m) -> m.getStatus() != MemberStatus.LEFT)
			.toList();
		model.addAttribute("contract", contract);
		model.addAttribute("members", members);
		model.addAttribute("allResults", AttendanceResult.values());
		return "training/session-form";
	}

	@GetMapping("/training/sessions/{id}")
	String session(@PathVariable("id") UUID sessionId, Model model) {
		model.addAttribute("detail", this.trainings.session(CurrentActor.require(), sessionId));
		return "training/session";
	}

	@PostMapping("/training/sessions/{id}/submit")
	@Idempotent
	String submit(@PathVariable("id") UUID sessionId,
			@RequestParam(name = "obligation", required = false) UUID obligationId, RedirectAttributes redirect) {
		try {
			this.trainings.submit(CurrentActor.require(), sessionId, obligationId);
			redirect.addFlashAttribute("flash", "training.filed");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/training/sessions/" + sessionId;
	}

	@GetMapping("/training/sessions/{id}/record.pdf")
	void recordPdf(@PathVariable("id") UUID sessionId, HttpServletResponse response) throws IOException {
		byte[] pdf = this.trainings.recordPdf(CurrentActor.require(), sessionId);
		Downloads.send(response, "training-record.pdf", new ByteArrayInputStream(pdf));
	}

	@GetMapping("/training/sessions/{id}/materials")
	void materials(@PathVariable("id") UUID sessionId, HttpServletResponse response) throws IOException {
		Pledges.OpenedFile file = this.trainings.materials(CurrentActor.require(), sessionId);
		Downloads.send(response, file.fileName(), file.content());
	}

}
