package jp.itaku.catalog.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;

/**
 * One article of a clause profile as the catalog page lists it (issue 20: the clause set
 * in parts): its top-level clause, which gives the table of contents its reference and
 * heading, and the clauses shown under it (the article itself and its sub-items, in
 * document order, those of a chosen category only when the page is filtered).
 *
 * @param head the top-level clause
 * @param clauses the clauses shown, in document order
 */
public record Article(ClauseDefinition head, List<ClauseDefinition> clauses) {

	/**
	 * Returns how many requirements the shown clauses carry.
	 * @return the count
	 */
	public int requirementCount() {
		return this.clauses.stream().mapToInt((c) -> c.requirements().size()).sum();
	}

	/**
	 * Groups a profile's clauses by article: each clause under the top-level clause its
	 * parents lead to (a clause whose parent is unknown heads an article of its own).
	 * Articles without a clause shown are left out.
	 * @param profile the profile
	 * @param shown which clauses to show
	 * @return the articles in document order
	 */
	static List<Article> of(ProfileDefinition profile, Predicate<ClauseDefinition> shown) {
		Map<String, ClauseDefinition> byRef = new HashMap<>();
		for (ClauseDefinition clause : profile.clauses()) {
			byRef.put(clause.ref(), clause);
		}
		Map<String, ClauseDefinition> heads = new LinkedHashMap<>();
		Map<String, List<ClauseDefinition>> grouped = new LinkedHashMap<>();
		for (ClauseDefinition clause : profile.clauses()) {
			ClauseDefinition top = clause;
			Set<String> seen = new HashSet<>();
			ClauseDefinition up = byRef.get(top.parent());
			while (up != null && seen.add(top.ref())) {
				top = up;
				up = byRef.get(top.parent());
			}
			heads.putIfAbsent(top.ref(), top);
			List<ClauseDefinition> clauses = grouped.computeIfAbsent(top.ref(), (k) -> new ArrayList<>());
			if (shown.test(clause)) {
				clauses.add(clause);
			}
		}
		List<Article> articles = new ArrayList<>();
		for (Map.Entry<String, ClauseDefinition> head : heads.entrySet()) {
			List<ClauseDefinition> clauses = grouped.get(head.getKey());
			if (clauses != null && !clauses.isEmpty()) {
				articles.add(new Article(head.getValue(), List.copyOf(clauses)));
			}
		}
		return List.copyOf(articles);
	}

}
