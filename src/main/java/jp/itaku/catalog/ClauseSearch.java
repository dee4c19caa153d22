package jp.itaku.catalog;

import java.util.List;

import jp.itaku.platform.Actor;
import jp.itaku.platform.SearchHit;
import jp.itaku.platform.SearchSource;
import jp.itaku.platform.SearchText;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clauses in the global search: the newest version of every clause profile, which every
 * signed-in user may read, as the catalog's own search finds them.
 */
@Component
class ClauseSearch implements SearchSource {

	private static final int EXCERPT = 80;

	private final CatalogRepository repository;

	ClauseSearch(CatalogRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SearchHit> find(Actor actor, SearchText text, int limit) {
		return this.repository.search(text.query(), limit).stream().map((hit) -> {
			String title = hit.issuer() + " " + hit.ref() + ((hit.heading() != null) ? " " + hit.heading() : "");
			String excerpt = (hit.text().length() > EXCERPT) ? hit.text().substring(0, EXCERPT) + "…" : hit.text();
			return new SearchHit(SearchHit.Kind.CLAUSE, title, excerpt, null,
					"/catalog/profiles/" + hit.profileId() + "#clause-" + hit.ref());
		}).toList();
	}

}
