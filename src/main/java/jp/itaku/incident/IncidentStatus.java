package jp.itaku.incident;

/**
 * Where an incident stands: reported by the contractor's side, acknowledged by the
 * client's security administrator, closed by the client.
 */
public enum IncidentStatus {

	/** Reported, not yet acknowledged: the banner shows on the client's pages. */
	REPORTED,

	/** Acknowledged by a security administrator of the client. */
	ACKNOWLEDGED,

	/** Closed by the client; nothing more is recorded. */
	CLOSED

}
