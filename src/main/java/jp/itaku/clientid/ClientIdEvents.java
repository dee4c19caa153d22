package jp.itaku.clientid;

import java.util.UUID;

/**
 * What the client-ID module tells other modules, published in the changing transaction.
 */
public final class ClientIdEvents {

	private ClientIdEvents() {
	}

	/**
	 * A contract's client-issued IDs changed: one was issued or revoked (with its
	 * operator IDs). The log checks run again against the IDs as they are now.
	 *
	 * @param contractId the contract
	 */
	public record IdsChanged(UUID contractId) {
	}

}
