package jp.itaku.home;

import java.util.List;
import java.util.Map;

import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.SearchHit;
import jp.itaku.platform.web.ProblemMessages;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The global search's page ({@code /search}, also the header's search box) and its API
 * ({@code GET /api/v1/search?q=}), scoped alike.
 */
@Controller
class SearchController {

	private final GlobalSearch search;

	private final ProblemMessages problems;

	SearchController(GlobalSearch search, ProblemMessages problems) {
		this.search = search;
		this.problems = problems;
	}

	@GetMapping("/search")
	String page(@RequestParam(name = "q", required = false) @Nullable String query, Model model) {
		model.addAttribute("query", (query != null) ? query : "");
		model.addAttribute("kinds", SearchHit.Kind.values());
		if (query != null && !query.isBlank()) {
			try {
				model.addAttribute("results", this.search.find(CurrentActor.require(), query));
			}
			catch (InvalidInputProblem problem) {
				ItakuProblem.FieldProblem field = problem.getFieldProblems().get(0);
				model.addAttribute("searchError", this.problems.text(field.messageKey(), field.arguments()));
			}
		}
		return "search";
	}

	@GetMapping("/api/v1/search")
	@ResponseBody
	SearchView api(@RequestParam(name = "q", required = false) @Nullable String query) {
		GlobalSearch.Results results = this.search.find(CurrentActor.require(), (query != null) ? query : "");
		return new SearchView(results.query(), results.total(), results.byKind());
	}

	/**
	 * The search as the API returns it.
	 *
	 * @param query the text searched for
	 * @param total how many records were found
	 * @param results the records of each kind found (every kind, with none an empty
	 * list), each with its kind, title, detail, contract and the path of its page
	 */
	record SearchView(String query, int total, Map<SearchHit.Kind, List<SearchHit>> results) {
	}

}
