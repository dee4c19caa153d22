package jp.itaku.export;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link CalendarFeedToken}s; only {@link CalendarFeeds} uses it.
 */
interface CalendarFeedTokenRepository extends JpaRepository<CalendarFeedToken, UUID> {

	Optional<CalendarFeedToken> findByTokenHash(String tokenHash);

	List<CalendarFeedToken> findByUserIdAndRevokedAtIsNull(UUID userId);

}
