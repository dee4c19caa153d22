package jp.itaku.logevidence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A source of logs of a contract (a system, a server) with its format, its mapping and
 * the zone of its timestamps written without offset.
 *
 * @param id the source
 * @param contractId its contract
 * @param name its name, unique on the contract
 * @param format its format
 * @param mapping which field holds what
 * @param zone the zone of timestamps without offset
 * @param createdAt when it was configured
 */
public record LogSource(UUID id, UUID contractId, String name, LogFormat format, LogMapping mapping, ZoneId zone,
		Instant createdAt) {

}
