package jp.itaku.home;

import java.util.List;
import java.util.Map;

import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.SearchHit;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The global search in the API ({@code GET /api/v1/search?q=}), scoped exactly as the
 * page; an empty or too long text is a problem naming {@code q}.
 */
@RestController
class SearchApiController {

	private final GlobalSearch search;

	SearchApiController(GlobalSearch search) {
		this.search = search;
	}

	@GetMapping("/api/v1/search")
	SearchView search(@RequestParam(name = "q", required = false) @Nullable String query) {
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
