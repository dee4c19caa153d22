package jp.itaku.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * Implemented by the module that records a contract's incidents, so that a view of a
 * worker's nationality names the event its purpose is bound to (Kadoma 2(5): only
 * 「情報漏えい等の 事実又はそのおそれが発見された際」). Declared here and looked up lazily, so that the roster
 * module does not depend on the implementing one (which already depends on rosters
 * through training).
 */
@NamedInterface("purposes")
public interface LeakEvents {

	/**
	 * Lists the contract's incidents in which information leaked or may have leaked, the
	 * newest first: those a nationality view may name.
	 * @param contractId the contract
	 * @return the incidents, possibly empty
	 */
	List<LeakEvent> of(UUID contractId);

	/**
	 * Finds, among {@link #of} a contract, the incident a reference names: its number
	 * ({@code INC-3}, case and spaces ignored) or its id.
	 * @param contractId the contract
	 * @param reference what the client's security administrator gave
	 * @return the incident; empty when the reference names none of the contract's
	 */
	default Optional<LeakEvent> find(UUID contractId, String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		String given = reference.strip();
		return of(contractId).stream()
			.filter((e) -> e.number().equalsIgnoreCase(given.replace(" ", "")) || e.id().toString().equals(given))
			.findFirst();
	}

	/**
	 * An incident a nationality view may name.
	 *
	 * @param id the incident
	 * @param number its number within the contract, e.g. {@code INC-3}
	 * @param categoryKey the message key of its category, e.g.
	 * {@code incident.category.LEAK}
	 * @param suspected whether only the risk of one was found (そのおそれ)
	 * @param detectedOn when it was detected, in Tokyo
	 */
	@NamedInterface("purposes")
	record LeakEvent(UUID id, String number, String categoryKey, boolean suspected, LocalDate detectedOn) {
	}

}
