package jp.itaku.selfinspection.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
	String month(@PathVariable("id") UUID contractId, @PathVariable("month") String month, Model model) {
		return show(contractId, MonthParam.parse(month), model, null);
	}

	@PostMapping("/contracts/{id}/self-inspections/{month}")
	String save(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		YearMonth month = MonthParam.parse(monthText);
		Actor actor = CurrentActor.require();
		List<AnswerInput> inputs = new ArrayList<>();
		for (int i = 0; params.containsKey("key." + i); i++) {
			inputs.add(new AnswerInput(params.get("key." + i), answer(params.get("answer." + i)),
					params.get("remarks." + i), params.get("action." + i), date(params.get("due." + i), i)));
		}
		try {
			this.inspections.save(actor, contractId, month, inputs);
			if ("submit".equals(params.get("do"))) {
				this.inspections.submit(actor, contractId, month);
				redirect.addFlashAttribute("flash", "selfinspection.submitted");
			}
			else {
				redirect.addFlashAttribute("flash", "selfinspection.saved");
			}
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.addTo(model, problem);
			return show(contractId, month, model, params);
		}
		return "redirect:/contracts/" + contractId + "/self-inspections/" + month;
	}

	@PostMapping("/contracts/{id}/self-inspections/{month}/evidence")
	String evidence(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestParam(name = "question", required = false) String question,
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
		return "redirect:/contracts/" + contractId + "/self-inspections/" + month;
	}

	@PostMapping("/contracts/{id}/self-inspections/{month}/actions/{answerId}/done")
	String actionDone(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@PathVariable("answerId") UUID answerId, RedirectAttributes redirect) {
		YearMonth month = MonthParam.parse(monthText);
		try {
			this.inspections.completeAction(CurrentActor.require(), contractId, answerId);
			redirect.addFlashAttribute("flash", "selfinspection.action.marked");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/self-inspections/" + month;
	}

	@GetMapping("/contracts/{id}/self-inspections/evidence/{answerId}")
	void evidence(@PathVariable("id") UUID contractId, @PathVariable("answerId") UUID answerId,
			HttpServletResponse response) throws IOException {
		SelfInspections.OpenedEvidence opened = this.inspections.openEvidence(CurrentActor.require(), contractId,
				answerId);
		Downloads.send(response, opened.answer().getEvidenceName(), opened.content());
	}

	private String show(UUID contractId, YearMonth month, Model model, @Nullable Map<String, String> posted) {
		model.addAttribute("view", this.inspections.month(CurrentActor.require(), contractId, month));
		model.addAttribute("posted", posted);
		model.addAttribute("answers", Answer.values());
		return "selfinspection/month";
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
