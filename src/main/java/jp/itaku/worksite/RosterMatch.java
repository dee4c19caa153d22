package jp.itaku.worksite;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jp.itaku.roster.RosterMember;

import org.jspecify.annotations.Nullable;

/**
 * Who a name on a schedule or in the entry log is: a member of the contract's roster who
 * works on the day ({@link RosterMember#worksOn(LocalDate)}), matched by name as people
 * write it (full-width or half-width, with or without the space between family and given
 * name).
 */
final class RosterMatch {

	private RosterMatch() {
	}

	/**
	 * A roster member, as far as matching needs it.
	 *
	 * @param id the member
	 * @param name the name on the roster
	 * @param affiliation the affiliation on the roster
	 * @param duties the duties on the roster
	 * @param worksOn whether the member is on the roster as working on a day
	 */
	record Person(UUID id, String name, String affiliation, @Nullable String duties, Predicate<LocalDate> worksOn) {

		static Person of(RosterMember member) {
			return new Person(member.getId(), member.getName(), member.getAffiliation(), member.getDuties(),
					member::worksOn);
		}

	}

	/** What the entry log makes of an entry. */
	enum Kind {

		/** On the roster and working that day. */
		ON_ROSTER,

		/** Not on the roster that day, declared a visitor with a purpose. */
		VISITOR,

		/** Not on the roster that day and not declared a visitor. */
		FLAGGED

	}

	/**
	 * The result of matching an entry.
	 *
	 * @param kind what the entry is
	 * @param person the roster member, for an entry on the roster
	 */
	record Result(Kind kind, @Nullable Person person) {
	}

	/**
	 * Returns a name as it is compared: NFKC, without any white space.
	 * @param name the name
	 * @return the key
	 */
	static String key(@Nullable String name) {
		if (name == null) {
			return "";
		}
		return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
	}

	/**
	 * Finds the member of a name who works on a day.
	 * @param roster the contract's roster
	 * @param name the name written
	 * @param day the day
	 * @return the member, if someone of that name is on the roster as working that day
	 */
	static Optional<Person> working(List<Person> roster, @Nullable String name, LocalDate day) {
		String key = key(name);
		return roster.stream().filter((p) -> key(p.name()).equals(key) && p.worksOn().test(day)).findFirst();
	}

	/**
	 * Finds a member of a name, whatever the day.
	 * @param roster the contract's roster
	 * @param name the name written
	 * @return the member, if someone of that name is on the roster
	 */
	static Optional<Person> named(List<Person> roster, @Nullable String name) {
		String key = key(name);
		return roster.stream().filter((p) -> key(p.name()).equals(key)).findFirst();
	}

	/**
	 * Matches an entry of the entry log: on the roster that day, else a visitor when
	 * declared as one, else flagged.
	 * @param roster the contract's roster
	 * @param name the name written
	 * @param day the day of entry (Tokyo)
	 * @param declaredVisitor whether the entry was declared a visitor's
	 * @return the result
	 */
	static Result entry(List<Person> roster, String name, LocalDate day, boolean declaredVisitor) {
		Optional<Person> member = working(roster, name, day);
		if (member.isPresent()) {
			return new Result(Kind.ON_ROSTER, member.get());
		}
		return new Result(declaredVisitor ? Kind.VISITOR : Kind.FLAGGED, null);
	}

}
