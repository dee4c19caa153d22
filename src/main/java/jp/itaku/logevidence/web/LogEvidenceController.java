package jp.itaku.logevidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.finding.FindingStep;
import jp.itaku.logevidence.LogBatch;
import jp.itaku.logevidence.LogEvidence;
import jp.itaku.logevidence.LogExport;
import jp.itaku.logevidence.LogFindings;
import jp.itaku.logevidence.LogFormat;
import jp.itaku.logevidence.LogMapping;
import jp.itaku.logevidence.LogSettings;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.TextLimit;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contract's log evidence page (ログ証跡): sources and their mapping, what the contract
 * allows, uploads (with a progress bar, {@code static/js/itaku.js}), batches waiting for
 * a decision, findings with their workflow, and the export of a period as CSV.
 */
@Controller
class LogEvidenceController {

	private final LogEvidence logs;

	private final LogFindings findings;

	private final LogExport export;

	private final FormErrors formErrors;

	LogEvidenceController(LogEvidence logs, LogFindings findings, LogExport export, FormErrors formErrors) {
		this.logs = logs;
		this.findings = findings;
		this.export = export;
		this.formErrors = formErrors;
	}

	@GetMapping("/contracts/{id}/logs")
	String page(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("overview", this.logs.overview(CurrentActor.require(), contractId));
		model.addAttribute("formats", LogFormat.values());
		return "logevidence/page";
	}

	@GetMapping("/contracts/{id}/logs/batches/{batchId}")
	String batch(@PathVariable("id") UUID contractId, @PathVariable("batchId") UUID batchId, Model model) {
		Actor actor = CurrentActor.require();
		LogEvidence.Overview overview = this.logs.overview(actor, contractId);
		LogBatch batch = this.logs.batch(actor, batchId);
		if (!batch.getContractId().equals(contractId)) {
			throw new NotFoundProblem("error.notFound");
		}
		model.addAttribute("overview", overview);
		model.addAttribute("batch", batch);
		return "logevidence/batch";
	}

	@PostMapping("/contracts/{id}/logs/sources")
	@Idempotent
	String addSource(@PathVariable("id") UUID contractId, @RequestParam("name") String name,
			@RequestParam(name = "format", required = false) LogFormat format,
			@RequestParam(name = "zone", required = false) String zone,
			@RequestParam(name = "timestamp", required = false) String timestamp,
			@RequestParam(name = "user", required = false) String user,
			@RequestParam(name = "action", required = false) String action,
			@RequestParam(name = "target", required = false) String target,
			@RequestParam(name = "result", required = false) String result,
			@RequestParam(name = "address", required = false) String address,
			@RequestParam(name = "extra", required = false) String extra, RedirectAttributes redirect) {
		try {
			LogMapping mapping = new LogMapping(timestamp, user, action, target, result, address,
					(extra != null) ? Arrays.asList(extra.split(",")) : null);
			this.logs.addSource(CurrentActor.require(), contractId, name, format, mapping, zone);
			redirect.addFlashAttribute("flash", "logevidence.flash.sourceAdded");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/logs";
	}

	@PostMapping("/contracts/{id}/logs/settings")
	String saveSettings(@PathVariable("id") UUID contractId, @RequestParam("retentionMonths") String retention,
			@RequestParam(name = "forbiddenOperations", required = false) @TextLimit(4000) String forbidden,
			@RequestParam(name = "allowedFrom", required = false) String allowedFrom,
			@RequestParam(name = "allowedTo", required = false) String allowedTo,
			@RequestParam("bulkPerHour") String bulk, @RequestParam("failedLoginBurst") String burst,
			@RequestParam("failedLoginMinutes") String minutes, @RequestParam("skewToleranceSeconds") String skew,
			@RequestParam(name = "requiresEntry", defaultValue = "false") boolean requiresEntry,
			RedirectAttributes redirect) {
		try {
			LogSettings settings = new LogSettings(number("retentionMonths", retention),
					(forbidden != null) ? forbidden : "", time("allowedFrom", allowedFrom),
					time("allowedTo", allowedTo), number("bulkPerHour", bulk), number("failedLoginBurst", burst),
					number("failedLoginMinutes", minutes), number("skewToleranceSeconds", skew), requiresEntry);
			this.logs.saveSettings(CurrentActor.require(), contractId, settings);
			redirect.addFlashAttribute("flash", "logevidence.flash.settingsSaved");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/logs";
	}

	@PostMapping("/contracts/{id}/logs/upload")
	String upload(@PathVariable("id") UUID contractId, @RequestParam(name = "source", required = false) UUID sourceId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			if (sourceId == null) {
				throw new InvalidInputProblem("source", "logevidence.error.source");
			}
			if (file == null || file.isEmpty()) {
				throw new InvalidInputProblem("file", "logevidence.error.file");
			}
			LogEvidence.Received received;
			try (InputStream in = file.getInputStream()) {
				received = this.logs.ingest(CurrentActor.require(), contractId, sourceId, file.getOriginalFilename(),
						in, false);
			}
			redirect.addFlashAttribute("flash",
					received.duplicate() ? "logevidence.flash.duplicate"
							: (received.batch().getStatus() == LogBatch.Status.PENDING) ? "logevidence.flash.pending"
									: "logevidence.flash.accepted");
			return "redirect:/contracts/" + contractId + "/logs/batches/" + received.batch().getId();
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
			return "redirect:/contracts/" + contractId + "/logs";
		}
	}

	@PostMapping("/contracts/{id}/logs/batches/{batchId}/accept")
	String accept(@PathVariable("id") UUID contractId, @PathVariable("batchId") UUID batchId,
			RedirectAttributes redirect) {
		try {
			this.logs.accept(CurrentActor.require(), batchId);
			redirect.addFlashAttribute("flash", "logevidence.flash.accepted");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/logs/batches/" + batchId;
	}

	@PostMapping("/contracts/{id}/logs/batches/{batchId}/reject")
	String reject(@PathVariable("id") UUID contractId, @PathVariable("batchId") UUID batchId,
			RedirectAttributes redirect) {
		try {
			this.logs.reject(CurrentActor.require(), batchId);
			redirect.addFlashAttribute("flash", "logevidence.flash.rejected");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/logs/batches/" + batchId;
	}

	@PostMapping("/contracts/{id}/logs/findings/{findingId}/{step}")
	String move(@PathVariable("id") UUID contractId, @PathVariable("findingId") UUID findingId,
			@PathVariable("step") String step, @RequestParam(name = "explanation", required = false) String explanation,
			@RequestParam(name = "comment", required = false) String comment, RedirectAttributes redirect) {
		try {
			FindingStep s = step(step);
			this.findings.move(CurrentActor.require(), findingId, s, (s == FindingStep.RETURN) ? comment : explanation);
			redirect.addFlashAttribute("flash", "logevidence.flash.findingMoved");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/logs#finding-" + findingId;
	}

	/**
	 * Returns the step a path names: acknowledge, explain, return or close.
	 * @param step the path's step
	 * @return the step
	 * @throws jp.itaku.platform.NotFoundProblem for any other
	 */
	static FindingStep step(String step) {
		return switch (step) {
			case "acknowledge" -> FindingStep.ACKNOWLEDGE;
			case "explain" -> FindingStep.EXPLAIN;
			case "return" -> FindingStep.RETURN;
			case "close" -> FindingStep.CLOSE;
			default -> throw new NotFoundProblem("error.notFound");
		};
	}

	@PostMapping("/contracts/{id}/logs/recheck")
	String recheck(@PathVariable("id") UUID contractId, RedirectAttributes redirect) {
		this.logs.recheck(CurrentActor.require(), contractId);
		redirect.addFlashAttribute("flash", "logevidence.flash.rechecked");
		return "redirect:/contracts/" + contractId + "/logs";
	}

	@GetMapping("/contracts/{id}/logs/export")
	void export(@PathVariable("id") UUID contractId, @RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to, HttpServletResponse response) throws IOException {
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("logs-" + first + "-" + last + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try {
			this.export.export(CurrentActor.require(), contractId, first, last, out);
		}
		catch (ItakuProblem problem) {
			// Refused before a line was written: the error page replaces the CSV's
			// headers.
			response.reset();
			throw problem;
		}
		out.flush();
	}

	static int number(String field, String text) {
		try {
			return Integer.parseInt((text != null) ? text.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputProblem(field, "logevidence.error.number");
		}
	}

	static @Nullable LocalTime time(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputProblem(field, "logevidence.error.time");
		}
	}

	static LocalDate date(String field, String text) {
		try {
			return LocalDate.parse((text != null) ? text.strip() : "");
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputProblem(field, "logevidence.error.period");
		}
	}

}
