package jp.itaku.home;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.SearchHit;
import jp.itaku.platform.SearchSource;
import jp.itaku.platform.SearchText;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The global search (検索): one text across contracts, obligations, people on rosters,
 * users, information assets, incidents and clauses, collected from each module's
 * {@link SearchSource}, so that it knows no module; each source searches what the user
 * may see, scoped as its records' own pages, and only what is stored in clear.
 */
@Component
class GlobalSearch {

	/** The most records of each kind shown. */
	static final int PER_KIND = 20;

	private final ObjectProvider<SearchSource> sources;

	private final JdbcClient jdbc;

	GlobalSearch(ObjectProvider<SearchSource> sources, JdbcClient jdbc) {
		this.sources = sources;
		this.jdbc = jdbc;
	}

	/**
	 * Searches every kind of record.
	 * @param actor the signed-in user
	 * @param query what the user typed
	 * @return the records found, grouped by kind in the order of {@link SearchHit.Kind}
	 * @throws InvalidInputProblem naming {@code q} when the text is empty or too long
	 */
	Results find(Actor actor, String query) {
		SearchText text = SearchText.of(this.jdbc, query);
		Map<SearchHit.Kind, List<SearchHit>> byKind = new EnumMap<>(SearchHit.Kind.class);
		for (SearchHit.Kind kind : SearchHit.Kind.values()) {
			byKind.put(kind, new ArrayList<>());
		}
		this.sources.orderedStream()
			.flatMap((source) -> source.find(actor, text, PER_KIND).stream())
			.forEach((hit) -> byKind.computeIfAbsent(hit.kind(), (k) -> new ArrayList<>()).add(hit));
		int total = byKind.values().stream().mapToInt(List::size).sum();
		return new Results(text.query(), total, byKind);
	}

	/**
	 * What the search found.
	 *
	 * @param query the text searched for, as typed
	 * @param total how many records were found
	 * @param byKind the records of each kind found (every kind, with none an empty list),
	 * at most {@value #PER_KIND} each
	 */
	record Results(String query, int total, Map<SearchHit.Kind, List<SearchHit>> byKind) {
	}

}
