package jp.itaku.catalog.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
		model.addAttribute("clauses",
				profile.definition()
					.clauses()
					.stream()
					.filter((clause) -> category == null || clause.category() == category)
					.toList());
		return "catalog/profile";
	}

	@GetMapping("/catalog/compare")
	String compare(Model model) {
		CurrentActor.require();
		model.addAttribute("comparison", this.catalog.compare());
		model.addAttribute("categories", ClauseCategory.values());
		return "catalog/compare";
	}

	@GetMapping("/catalog/search")
	String search(@RequestParam(name = "q", required = false) String query, Model model) {
		CurrentActor.require();
		model.addAttribute("query", query);
		model.addAttribute("hits", this.catalog.search(query));
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
