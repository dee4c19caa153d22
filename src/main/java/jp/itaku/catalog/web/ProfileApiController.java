package jp.itaku.catalog.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.InvalidProfileException;
import jp.itaku.catalog.OscalExporter;
import jp.itaku.catalog.ProfileSummary;
import jp.itaku.catalog.StoredProfile;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.ProblemMessages;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Clause profiles over the REST API: list, one version with its clauses and requirements,
 * its OSCAL catalog, and import ({@code POST} with the file as the body, YAML or JSON, or
 * as the multipart part {@code file}).
 */
@RestController
@RequestMapping("/api/v1/profiles")
class ProfileApiController {

	private final ClauseCatalog catalog;

	private final OscalExporter oscal;

	private final ProblemMessages messages;

	ProfileApiController(ClauseCatalog catalog, OscalExporter oscal, ProblemMessages messages) {
		this.catalog = catalog;
		this.oscal = oscal;
		this.messages = messages;
	}

	@GetMapping
	List<ProfileSummary> list() {
		CurrentActor.require();
		return this.catalog.profiles();
	}

	@GetMapping("/{id}")
	StoredProfile get(@PathVariable("id") UUID id) {
		CurrentActor.require();
		return this.catalog.get(id);
	}

	@GetMapping(path = "/{id}/oscal", produces = MediaType.APPLICATION_JSON_VALUE)
	ObjectNode oscal(@PathVariable("id") UUID id) {
		CurrentActor.require();
		return this.oscal.export(this.catalog.get(id));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<StoredProfile> importFile(@RequestParam("file") MultipartFile file) throws IOException {
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "profile.yaml";
		return imported(name, new String(file.getBytes(), StandardCharsets.UTF_8));
	}

	@PostMapping(consumes = { "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE,
			MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<StoredProfile> importBody(HttpServletRequest request,
			@RequestParam(name = "fileName", defaultValue = "profile.yaml") String fileName) throws IOException {
		return imported(fileName, new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	@ExceptionHandler(InvalidProfileException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidProfileException ex) {
		ProblemDetail detail = this.messages.invalidInput("catalog.import.invalid", ex.getFile(),
				ex.getErrors().size());
		detail.setProperty("errors", ex.getErrors()
			.stream()
			.map((e) -> Map.of("field", e.field(), "line", e.line(), "column", e.column(), "message", e.message()))
			.toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
	}

	private ResponseEntity<StoredProfile> imported(String fileName, String content) {
		StoredProfile stored = this.catalog.importProfile(CurrentActor.require(), fileName, content,
				LocaleContextHolder.getLocale());
		return ResponseEntity.created(URI.create("/api/v1/profiles/" + stored.id())).body(stored);
	}

}
