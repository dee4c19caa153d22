package jp.itaku.plan.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.plan.ImplementationPlans;
import jp.itaku.plan.PlanInput;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contract's implementation plans (実施計画): every party reads each periodic duty with its
 * plan and occurrences; the contractor's lead states a duty's plan, an interval from a
 * first day or a list of days.
 */
@Controller
class PlanController {

	private final ImplementationPlans plans;

	private final FormErrors formErrors;

	PlanController(ImplementationPlans plans, FormErrors formErrors) {
		this.plans = plans;
		this.formErrors = formErrors;
	}

	@GetMapping("/contracts/{id}/plans")
	String overview(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("overview", this.plans.overview(CurrentActor.require(), contractId));
		model.addAttribute("intervals", ImplementationPlans.INTERVALS);
		return "plan/plans";
	}

	@PostMapping("/contracts/{id}/plans")
	String save(@PathVariable("id") UUID contractId,
			@RequestParam(name = "requirement", required = false) @Nullable String requirement,
			@RequestParam(name = "interval", required = false) @Nullable String interval,
			@RequestParam(name = "firstDate", required = false) @Nullable String firstDate,
			@RequestParam(name = "dates", required = false) @Nullable String dates, RedirectAttributes redirect) {
		try {
			boolean byInterval = interval != null && !interval.isBlank();
			PlanInput input = new PlanInput(requirement, byInterval ? interval : null,
					byInterval ? date(firstDate, "firstDate") : null, byInterval ? null : dates(dates));
			this.plans.save(CurrentActor.require(), contractId, List.of(input));
			redirect.addFlashAttribute("flash", "plan.flash.saved");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
			redirect.addFlashAttribute("failedRequirement", requirement);
		}
		return "redirect:/contracts/" + contractId + "/plans";
	}

	private static @Nullable LocalDate date(@Nullable String text, String field) {
		return (text == null || text.isBlank()) ? null : parse(text.strip(), field);
	}

	/** A day as year, month and day joined by / or - (2026/10/1, 2026-10-01). */
	private static final Pattern DAY = Pattern.compile("(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})");

	private static LocalDate parse(String text, String field) {
		Matcher day = DAY.matcher(text);
		try {
			if (day.matches()) {
				return LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
						Integer.parseInt(day.group(3)));
			}
		}
		catch (DateTimeException ex) {
			// 2026/2/30: not a day; refused below as any unreadable text
		}
		throw new InvalidInputProblem("plans[0]." + field, "plan.date.unreadable", text);
	}

	/**
	 * The days of the form's text: ISO dates separated by line breaks, commas or spaces.
	 */
	private static List<LocalDate> dates(@Nullable String text) {
		List<LocalDate> days = new ArrayList<>();
		if (text == null) {
			return days;
		}
		for (String token : text.split("[\\s,、，]+")) {
			if (!token.isEmpty()) {
				days.add(parse(token, "dates"));
			}
		}
		return days;
	}

}
