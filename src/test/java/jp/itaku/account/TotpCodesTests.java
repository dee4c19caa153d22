package jp.itaku.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import jp.itaku.platform.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP against the RFC 6238 test vector, with one step of drift either way and nothing
 * more.
 */
class TotpCodesTests {

	/** Base32 of the RFC 6238 SHA-1 seed "12345678901234567890". */
	private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private static TotpCodes at(String instant) {
		SecurityProperties properties = new SecurityProperties(null, null, null,
				new SecurityProperties.Totp(Set.of(Role.SYSTEM_ADMIN), "Itaku"), null);
		return new TotpCodes(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), properties);
	}

	@Test
	void matchesTheRfcTestVector() {
		// RFC 6238 appendix B: T = 59 s gives 94287082; six digits: 287082 (step 1).
		assertThat(at("1970-01-01T00:00:59Z").matchingStep(RFC_SECRET, "287082")).hasValue(1);
		// T = 1111111109 s gives 07081804 (step 37037036).
		assertThat(at("2005-03-18T01:58:29Z").matchingStep(RFC_SECRET, "081804")).hasValue(37037036);
	}

	@Test
	void acceptsOneStepOfDriftButNotTwo() {
		TotpCodes totp = at("2005-03-18T01:58:29Z");
		String previous = totp.codeAt(RFC_SECRET, 37037035);
		String twoBefore = totp.codeAt(RFC_SECRET, 37037034);
		assertThat(totp.matchingStep(RFC_SECRET, previous)).hasValue(37037035);
		assertThat(totp.matchingStep(RFC_SECRET, twoBefore)).isEmpty();
	}

	@Test
	void rejectsMalformedCodes() {
		TotpCodes totp = at("2005-03-18T01:58:29Z");
		assertThat(totp.matchingStep(RFC_SECRET, null)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, "08180")).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, "abcdef")).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, "081 804")).hasValue(37037036);
	}

	@Test
	void enrolmentQrCodeIsAPngDataUri() {
		TotpCodes totp = at("2026-11-22T00:00:00Z");
		assertThat(totp.qrDataUri("officer", totp.newSecret())).startsWith("data:image/png;base64,");
	}

}
