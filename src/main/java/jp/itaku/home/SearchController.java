package jp.itaku.home;

import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.SearchHit;
import jp.itaku.platform.web.ProblemMessages;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The global search's page ({@code /search}, 「検索」 in the menu); the API answers the same
 * ({@link SearchApiController}).
 */
@Controller
class SearchController {

	private final GlobalSearch search;

	private final ObjectProvider<ProblemMessages> problems;

	// The messages live in the web layer, which operator commands start without (this
	// controller sits outside a web package, as the home module's others).
	SearchController(GlobalSearch search, ObjectProvider<ProblemMessages> problems) {
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
				model.addAttribute("searchError",
						this.problems.getObject().text(field.messageKey(), field.arguments()));
			}
		}
		return "search";
	}

}
