package jp.itaku.worksite.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.worksite.EntryForm;
import jp.itaku.worksite.EntryLog;
import jp.itaku.worksite.EntryLogEntry;
import jp.itaku.platform.web.Idempotent;

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
 * A contract's entry log: one day's entries with visitors and flagged entries marked, the
 * entry form and CSV import, and the quick-entry page for a tablet at the door.
 */
@Controller
class EntryLogController {

	private final EntryLog log;

	private final Contracts contracts;

	private final WorkingCalendar calendar;

	private final FormErrors formErrors;

	EntryLogController(EntryLog log, Contracts contracts, WorkingCalendar calendar, FormErrors formErrors) {
		this.log = log;
		this.contracts = contracts;
		this.calendar = calendar;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("name", "affiliation", "purpose", "area", "visitor", "enteredAt", "leftAt");
	}

	@GetMapping("/contracts/{id}/entry-log")
	String log(@PathVariable("id") UUID contractId, @RequestParam(name = "day", required = false) String day,
			Model model) {
		LocalDate shown = day(day);
		EntryForm form = new EntryForm();
		form.setEnteredAt(shown.atTime(9, 0));
		return show(contractId, shown, form, model);
	}

	// EntryLog.record has refused a form without enteredAt before this line
	@SuppressWarnings("NullAway")
	@PostMapping("/contracts/{id}/entry-log")
	@Idempotent
	String record(@PathVariable("id") UUID contractId, @ModelAttribute("form") EntryForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return show(contractId, this.calendar.today(), form, model);
		}
		try {
			EntryLogEntry entry = this.log.record(CurrentActor.require(), contractId, form, EntryLogEntry.Source.FORM);
			redirect.addFlashAttribute("flash", "worksite.entry.recorded");
			return "redirect:/contracts/" + contractId + "/entry-log?day=" + form.getEnteredAt().toLocalDate()
					+ "#entry-" + entry.getId();
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return show(contractId,
					(form.getEnteredAt() != null) ? form.getEnteredAt().toLocalDate() : this.calendar.today(), form,
					model);
		}
	}

	@PostMapping("/contracts/{id}/entry-log/import")
	String importFile(@PathVariable("id") UUID contractId,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputProblem("file", "worksite.import.empty");
			}
			int count = this.log
				.importFile(CurrentActor.require(), contractId, file.getOriginalFilename(), file.getBytes())
				.size();
			redirect.addFlashAttribute("flash", "worksite.entry.imported");
			redirect.addFlashAttribute("importedCount", count);
		}
		catch (InvalidInputProblem problem) {
			model.addAttribute("importErrors", this.formErrors.messages(problem));
			return show(contractId, this.calendar.today(), new EntryForm(), model);
		}
		return "redirect:/contracts/" + contractId + "/entry-log";
	}

	@PostMapping("/contracts/{id}/entry-log/{entry}/leave")
	String leave(@PathVariable("id") UUID contractId, @PathVariable("entry") UUID entryId,
			@RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
		try {
			this.log.leave(CurrentActor.require(), entryId);
			redirect.addFlashAttribute("flash", "worksite.entry.left");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + ("quick".equals(back) ? "/entry-log/quick" : "/entry-log");
	}

	@GetMapping("/contracts/{id}/entry-log/quick")
	String quick(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("quick", this.log.quick(CurrentActor.require(), contractId));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new EntryForm());
		}
		return "worksite/quick";
	}

	@PostMapping("/contracts/{id}/entry-log/quick/in")
	@Idempotent
	String enter(@PathVariable("id") UUID contractId, @RequestParam("member") UUID memberId,
			RedirectAttributes redirect) {
		try {
			this.log.enter(CurrentActor.require(), contractId, memberId);
			redirect.addFlashAttribute("flash", "worksite.entry.in");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/entry-log/quick";
	}

	@PostMapping("/contracts/{id}/entry-log/quick/visitor")
	@Idempotent
	String visitor(@PathVariable("id") UUID contractId, @ModelAttribute("form") EntryForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		try {
			this.log.visitor(CurrentActor.require(), contractId, form);
			redirect.addFlashAttribute("flash", "worksite.entry.in");
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			model.addAttribute("quick", this.log.quick(CurrentActor.require(), contractId));
			return "worksite/quick";
		}
		return "redirect:/contracts/" + contractId + "/entry-log/quick";
	}

	private String show(UUID contractId, LocalDate day, EntryForm form, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.get(actor, contractId);
		model.addAttribute("contract", contract);
		model.addAttribute("day", day);
		model.addAttribute("previous", day.minusDays(1));
		model.addAttribute("next", day.plusDays(1));
		model.addAttribute("entries", this.log.entries(actor, contractId, day, day));
		model.addAttribute("flagged", this.log.flagged(actor, contractId));
		model.addAttribute("mayRecord", this.log.mayRecord(actor, contract));
		model.addAttribute("form", form);
		return "worksite/entry-log";
	}

	private LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return this.calendar.today();
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputProblem("day", "worksite.entry.day");
		}
	}

}
