package jp.itaku.obligation;

import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * A module that raises obligations on events, changes, actions or requests declares here
 * which triggers it raises through {@link Obligations#raise}, so that a requirement whose
 * trigger nothing raises is found ({@link TriggerCoverage}) — in the conformance test of
 * the bundled profiles, and as a warning on an imported profile's page.
 */
@NamedInterface("producers")
public interface TriggerProducer {

	/**
	 * Returns the triggers this module raises.
	 * @return the triggers
	 */
	Set<ObligationTrigger> produces();

}
