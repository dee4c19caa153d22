package jp.itaku.worksite.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Downloads;
import jp.itaku.worksite.ScheduleLine;
import jp.itaku.worksite.WorkSchedule;
import jp.itaku.worksite.WorkSchedules;

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
 * A contract's work schedules: the months of its period, and one month as a calendar grid
 * (roster members × days) to fill in, import or submit; submitted versions as PDF.
 */
@Controller
class ScheduleController {

	private static final String CELL = "cell.";

	private final WorkSchedules schedules;

	private final WorkingCalendar calendar;

	private final FormErrors formErrors;

	ScheduleController(WorkSchedules schedules, WorkingCalendar calendar, FormErrors formErrors) {
		this.schedules = schedules;
		this.calendar = calendar;
		this.formErrors = formErrors;
	}

	@GetMapping("/contracts/{id}/schedules")
	String months(@PathVariable("id") UUID contractId, Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("months", this.schedules.months(actor, contractId));
		model.addAttribute("contractId", contractId);
		return "worksite/schedules";
	}

	@GetMapping("/contracts/{id}/schedules/{month}")
	String month(@PathVariable("id") UUID contractId, @PathVariable("month") String month, Model model) {
		return show(contractId, MonthParam.parse(month), model, null);
	}

	@PostMapping("/contracts/{id}/schedules/{month}")
	String save(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		YearMonth month = MonthParam.parse(monthText);
		Actor actor = CurrentActor.require();
		Map<String, String> posted = new LinkedHashMap<>();
		List<ScheduleLine> lines = new ArrayList<>();
		for (Map.Entry<String, String> param : params.entrySet()) {
			if (!param.getKey().startsWith(CELL)) {
				continue;
			}
			posted.put(param.getKey(), param.getValue());
			String[] parts = param.getKey().split("\\.");
			if (parts.length != 3 || param.getValue() == null || param.getValue().isBlank()) {
				continue;
			}
			try {
				UUID member = UUID.fromString(parts[1]);
				int day = Integer.parseInt(parts[2]);
				if (day >= 1 && day <= month.lengthOfMonth()) {
					lines.add(ScheduleLine.grid(member, month.atDay(day), param.getValue()));
				}
			}
			catch (IllegalArgumentException ex) {
				// a field the page did not make: ignored
			}
		}
		try {
			this.schedules.save(actor, contractId, month, lines, WorkSchedule.Source.GRID);
			if ("submit".equals(params.get("action"))) {
				this.schedules.submit(actor, contractId, month);
				redirect.addFlashAttribute("flash", "worksite.schedule.submitted");
			}
			else {
				redirect.addFlashAttribute("flash", "worksite.schedule.saved");
			}
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.addTo(model, problem);
			return show(contractId, month, model, posted);
		}
		return "redirect:/contracts/" + contractId + "/schedules/" + month;
	}

	@PostMapping("/contracts/{id}/schedules/{month}/import")
	String importFile(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		YearMonth month = MonthParam.parse(monthText);
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputProblem("file", "worksite.import.empty");
			}
			this.schedules.importFile(CurrentActor.require(), contractId, month, file.getOriginalFilename(),
					file.getBytes());
			redirect.addFlashAttribute("flash", "worksite.schedule.imported");
		}
		catch (InvalidInputProblem problem) {
			model.addAttribute("importErrors", this.formErrors.messages(problem));
			return show(contractId, month, model, null);
		}
		return "redirect:/contracts/" + contractId + "/schedules/" + month;
	}

	@PostMapping("/contracts/{id}/schedules/{month}/submit")
	String submit(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			RedirectAttributes redirect) {
		YearMonth month = MonthParam.parse(monthText);
		try {
			this.schedules.submit(CurrentActor.require(), contractId, month);
			redirect.addFlashAttribute("flash", "worksite.schedule.submitted");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/schedules/" + month;
	}

	@GetMapping("/schedules/{id}/pdf")
	void pdf(@PathVariable("id") UUID scheduleId, HttpServletResponse response) throws IOException {
		WorkSchedules.OpenedSchedule opened = this.schedules.open(CurrentActor.require(), scheduleId);
		Downloads.send(response, opened.schedule().getFileName(), opened.content());
	}

	private String show(UUID contractId, YearMonth month, Model model, @Nullable Map<String, String> posted) {
		WorkSchedules.Month view = this.schedules.month(CurrentActor.require(), contractId, month);
		List<DayColumn> days = new ArrayList<>();
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate day = month.atDay(d);
			days.add(new DayColumn(day, this.calendar.isClosed(day)));
		}
		model.addAttribute("view", view);
		model.addAttribute("days", days);
		model.addAttribute("texts", (posted != null) ? posted : view.texts());
		// The links lead to the contract's months only (a month outside its period is
		// refused).
		YearMonth first = YearMonth.from(view.contract().getPeriodStart());
		YearMonth last = YearMonth.from(view.contract().getPeriodEnd());
		model.addAttribute("previous", month.isAfter(first) ? month.minusMonths(1) : null);
		model.addAttribute("next", month.isBefore(last) ? month.plusMonths(1) : null);
		return "worksite/schedule";
	}

	/**
	 * A day column of the grid.
	 *
	 * @param day the day
	 * @param closed whether the client's offices are closed that day
	 */
	record DayColumn(LocalDate day, boolean closed) {

		public int getNumber() {
			return this.day.getDayOfMonth();
		}

		public String getWeekday() {
			return this.day.getDayOfWeek().name();
		}

	}

}
