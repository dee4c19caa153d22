package jp.itaku.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What happens on a roster that other modules react to.
 */
public final class RosterEvents {

	private RosterEvents() {
	}

	/**
	 * A worker was added to a contract's roster.
	 *
	 * @param contractId the contract
	 * @param memberId the roster member
	 * @param on the day the worker was added, in Tokyo
	 */
	public record WorkerJoined(UUID contractId, UUID memberId, LocalDate on) {
	}

	/**
	 * A worker stopped working on a contract: the client-issued IDs must be revoked.
	 *
	 * @param contractId the contract
	 * @param memberId the roster member
	 * @param lastDay the last day of work
	 */
	public record WorkerLeft(UUID contractId, UUID memberId, @Nullable LocalDate lastDay) {
	}

	/**
	 * A worker's entry changed (role, duties, period …), listed by field name.
	 *
	 * @param contractId the contract
	 * @param memberId the roster member
	 * @param fields the names of the fields that changed
	 */
	public record WorkerChanged(UUID contractId, UUID memberId, List<String> fields) {
	}

}
