package jp.itaku.selfinspection.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.selfinspection.Answer;
import jp.itaku.selfinspection.AnswerInput;
import jp.itaku.selfinspection.SelfInspections;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A contract's self-inspections: the months with their trend, and one month's checklist
 * to answer, attach evidence to, submit, and whose corrective actions are marked done.
 */
@Controller
class SelfInspectionController {

	private final SelfInspections inspections;

	private final FormErrors formErrors;

	SelfInspectionController(SelfInspections inspections, FormErrors formErrors) {
		this.inspections = inspections;
		this.formErrors = formErrors;
	}

	@GetMapping("/contracts/{id}/self-inspections")
	String months(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("months", this.inspections.months(CurrentActor.require(), contractId));
		model.addAttribute("contractId", contractId);
		return "selfinspection/months";
	}

	@GetMapping("/contracts/{id}/self-inspections/{month}")
	String month(@PathVariable("id") UUID contractId, @PathVariable("month") String month,
			@RequestParam(name = "section", required = false) @Nullable String section, Model model) {
		return show(contractId, MonthParam.parse(month), section, model, null);
	}

	/**
	 * Saves the answers of one section (the others stay as they were saved), then stays
	 * on it ({@code do=save}), goes to the next ({@code do=next}) or submits the month
	 * ({@code do=submit}, which needs every section answered).
	 */
	@PostMapping("/contracts/{id}/self-inspections/{month}")
	String save(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		YearMonth month = MonthParam.parse(monthText);
		Actor actor = CurrentActor.require();
		String section = params.get("section");
		String action = params.getOrDefault("do", "save");
		String next = null;
		try {
			List<AnswerInput> inputs = new ArrayList<>();
			for (int i = 0; params.containsKey("key." + i); i++) {
				inputs.add(new AnswerInput(params.get("key." + i), answer(params.get("answer." + i)),
						params.get("remarks." + i), params.get("action." + i), date(params.get("due." + i), i)));
			}
			// 提出する alone posts no answers; every other post saves (and is audited).
			if (!inputs.isEmpty() || !"submit".equals(action)) {
				this.inspections.saveSection(actor, contractId, month, inputs);
			}
			if ("submit".equals(action)) {
				this.inspections.submit(actor, contractId, month);
				redirect.addFlashAttribute("flash", "selfinspection.submitted");
				section = null;
			}
			else {
				redirect.addFlashAttribute("flash", "selfinspection.saved");
				if ("next".equals(action)) {
					next = nextSection(actor, contractId, month, section);
				}
			}
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.addTo(model, problem);
			String firstKey = params.get("key.0");
			if (section == null && firstKey != null) {
				SelfInspections.Section of = this.inspections.month(actor, contractId, month).sectionOf(firstKey);
				section = (of != null) ? of.key() : null;
			}
			return show(contractId, month, section, model, params);
		}
		return redirectTo(contractId, month, (next != null) ? next : section);
	}

	@PostMapping("/contracts/{id}/self-inspections/{month}/evidence")
	String evidence(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestParam(name = "question", required = false) String question,
			@RequestParam(name = "section", required = false) @Nullable String section,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		YearMonth month = MonthParam.parse(monthText);
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputProblem("file", "selfinspection.evidence.empty");
			}
			this.inspections.attachEvidence(CurrentActor.require(), contractId, month, question,
					file.getOriginalFilename(), file.getContentType(), file.getBytes());
			redirect.addFlashAttribute("flash", "selfinspection.evidence.added");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return redirectTo(contractId, month, section);
	}

	@PostMapping("/contracts/{id}/self-inspections/{month}/actions/{answerId}/done")
	String actionDone(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@PathVariable("answerId") UUID answerId,
			@RequestParam(name = "section", required = false) @Nullable String section, RedirectAttributes redirect) {
		YearMonth month = MonthParam.parse(monthText);
		try {
			this.inspections.completeAction(CurrentActor.require(), contractId, answerId);
			redirect.addFlashAttribute("flash", "selfinspection.action.marked");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return redirectTo(contractId, month, section);
	}

	@GetMapping("/contracts/{id}/self-inspections/evidence/{answerId}")
	void evidence(@PathVariable("id") UUID contractId, @PathVariable("answerId") UUID answerId,
			HttpServletResponse response) throws IOException {
		SelfInspections.OpenedEvidence opened = this.inspections.openEvidence(CurrentActor.require(), contractId,
				answerId);
		Downloads.send(response, opened.answer().getEvidenceName(), opened.content());
	}

	/**
	 * The month's page: the summary by section, the non-conforming answers, and one
	 * section (the one asked for; for those who answer, else the first with a question
	 * unanswered). The whole checklist is on the page for print only.
	 */
	private String show(UUID contractId, YearMonth month, @Nullable String sectionKey, Model model,
			@Nullable Map<String, String> posted) {
		SelfInspections.Month view = this.inspections.month(CurrentActor.require(), contractId, month);
		SelfInspections.Section section = view.section(sectionKey);
		if (section == null && sectionKey == null && view.mayFill()) {
			section = view.firstUnanswered();
		}
		Map<String, Integer> postedIndex = new HashMap<>();
		if (posted != null) {
			for (int i = 0; posted.containsKey("key." + i); i++) {
				postedIndex.put(posted.get("key." + i), i);
			}
		}
		model.addAttribute("view", view);
		model.addAttribute("counts", view.counts());
		model.addAttribute("section", section);
		model.addAttribute("previous", (section != null) ? view.before(section) : null);
		model.addAttribute("next", (section != null) ? view.after(section) : null);
		model.addAttribute("posted", posted);
		model.addAttribute("postedIndex", postedIndex);
		model.addAttribute("answers", Answer.values());
		return "selfinspection/month";
	}

	private @Nullable String nextSection(Actor actor, UUID contractId, YearMonth month, @Nullable String current) {
		SelfInspections.Month view = this.inspections.month(actor, contractId, month);
		SelfInspections.Section section = view.section(current);
		SelfInspections.Section next = (section != null) ? view.after(section) : null;
		return (next != null) ? next.key() : current;
	}

	private static String redirectTo(UUID contractId, YearMonth month, @Nullable String section) {
		return "redirect:" + UriComponentsBuilder.fromPath("/contracts/{id}/self-inspections/{month}")
			.queryParamIfPresent("section", Optional.ofNullable(section))
			.buildAndExpand(contractId, month)
			.encode()
			.toUriString();
	}

	private static @Nullable Answer answer(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Answer.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String text, int index) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputProblem("answers[" + index + "].actionDue", "selfinspection.action.dueInvalid");
		}
	}

}
