package jp.itaku.catalog.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ProfileCheck;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.InvalidProfileException;
import jp.itaku.catalog.StoredProfile;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.Role;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog pages: profiles, one profile's clauses with their requirements, the
 * comparison by category, full-text search, and import.
 */
@Controller
class CatalogController {

	/** Search hits shown on one page. */
	static final int SEARCH_PAGE = 15;

	private final ClauseCatalog catalog;

	private final ObjectProvider<ProfileCheck> checks;

	CatalogController(ClauseCatalog catalog, ObjectProvider<ProfileCheck> checks) {
		this.catalog = catalog;
		this.checks = checks;
	}

	@GetMapping("/catalog")
	String index(Model model) {
		CurrentActor.require();
		model.addAttribute("profiles", this.catalog.profiles());
		model.addAttribute("mayImport", mayImport());
		return "catalog/index";
	}

	@GetMapping("/catalog/profiles/{id}")
	String profile(@PathVariable("id") UUID id,
			@RequestParam(name = "category", required = false) ClauseCategory category, Model model) {
		CurrentActor.require();
		StoredProfile profile = this.catalog.get(id);
		model.addAttribute("profile", profile);
		model.addAttribute("versions", this.catalog.versions(profile.code()));
		model.addAttribute("warnings",
				this.checks.orderedStream().flatMap((check) -> check.warnings(profile.definition()).stream()).toList());
		model.addAttribute("categories", ClauseCategory.values());
		model.addAttribute("selectedCategory", category);
		List<Article> articles = Article.of(profile.definition(),
				(clause) -> category == null || clause.category() == category);
		model.addAttribute("articles", articles);
		model.addAttribute("shownClauses", articles.stream().mapToInt((a) -> a.clauses().size()).sum());
		return "catalog/profile";
	}

	@GetMapping("/catalog/compare")
	String compare(Model model) {
		CurrentActor.require();
		model.addAttribute("comparison", this.catalog.compare());
		model.addAttribute("categories", ClauseCategory.values());
		return "catalog/compare";
	}

	/**
	 * The clause search, {@value #SEARCH_PAGE} hits a page (each an excerpt linking to
	 * its clause), so that a common word does not make a page of hundreds of clauses.
	 */
	@GetMapping("/catalog/search")
	String search(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		CurrentActor.require();
		List<?> hits = this.catalog.search(query);
		int from = Math.min(Math.max(page, 0) * SEARCH_PAGE, Math.max(hits.size() - 1, 0) / SEARCH_PAGE * SEARCH_PAGE);
		int to = Math.min(from + SEARCH_PAGE, hits.size());
		model.addAttribute("query", query);
		model.addAttribute("total", hits.size());
		model.addAttribute("hits", hits.subList(from, to));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("pageSize", SEARCH_PAGE);
		model.addAttribute("page", from / SEARCH_PAGE);
		return "catalog/search";
	}

	@GetMapping("/catalog/import")
	String importForm() {
		requireImporter();
		return "catalog/import";
	}

	@PostMapping("/catalog/import")
	String importProfile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		requireImporter();
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileMissing", true);
			return "catalog/import";
		}
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "profile.yaml";
		try {
			StoredProfile stored = this.catalog.importProfile(CurrentActor.require(), name,
					new String(file.getBytes(), StandardCharsets.UTF_8), LocaleContextHolder.getLocale());
			redirect.addFlashAttribute("flash", "catalog.import.done");
			return "redirect:/catalog/profiles/" + stored.id();
		}
		catch (InvalidProfileException ex) {
			model.addAttribute("fileName", name);
			model.addAttribute("errors", ex.getErrors());
			return "catalog/import";
		}
	}

	private static boolean mayImport() {
		Role role = CurrentActor.require().role();
		return role == Role.SYSTEM_ADMIN || role == Role.CLIENT_SECURITY_ADMIN;
	}

	private static void requireImporter() {
		if (!mayImport()) {
			throw new AccessDeniedProblem("error.forbidden");
		}
	}

}
