package jp.itaku.catalog;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * A check another module makes of a clause profile, shown as warnings on the profile's
 * page (after an import, too): for example, requirements whose trigger nothing in Itaku
 * raises. The catalog collects every implementation; a warning never refuses a profile.
 */
@NamedInterface("checks")
public interface ProfileCheck {

	/**
	 * Checks a profile.
	 * @param profile the profile
	 * @return the warnings, each naming its clause; empty when the profile passes
	 */
	List<ProfileWarning> warnings(ProfileDefinition profile);

	/**
	 * A warning about one requirement of a profile.
	 *
	 * @param clauseRef the clause, e.g. {@code 5(2)}
	 * @param messageKey the message, with the clause as its first argument
	 * @param arguments the message's further arguments
	 */
	record ProfileWarning(String clauseRef, String messageKey, Object... arguments) {
	}

}
