package jp.itaku.account;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

import org.springframework.stereotype.Component;

import static dev.samstevens.totp.util.Utils.getDataUriForImage;

/**
 * RFC 6238 time-based one-time passwords (30 s, 6 digits, SHA-1 — what every
 * authenticator app reads): secrets, enrolment QR codes and verification with one step of
 * clock drift either way.
 */
@Component
class TotpCodes {

	static final int PERIOD_SECONDS = 30;

	private static final int DIGITS = 6;

	private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

	private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private final Clock clock;

	private final String issuer;

	TotpCodes(Clock clock, SecurityProperties properties) {
		this.clock = clock;
		this.issuer = properties.totp().issuer();
	}

	String newSecret() {
		return this.secrets.generate();
	}

	/**
	 * Renders the enrolment QR code.
	 * @param username the account name shown in the app
	 * @param secret the Base32 secret
	 * @return a {@code data:image/png} URI
	 */
	String qrDataUri(String username, String secret) {
		QrData data = new QrData.Builder().label(username)
			.secret(secret)
			.issuer(this.issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build();
		try {
			ZxingPngQrGenerator png = new ZxingPngQrGenerator();
			png.setImageSize(220);
			return getDataUriForImage(png.generate(data), png.getImageMimeType());
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Cannot render the enrolment QR code", ex);
		}
	}

	/**
	 * Finds the time step a code belongs to, within one step of now.
	 * @param secret the Base32 secret
	 * @param code the code as typed (spaces ignored)
	 * @return the matching step, or empty when the code is wrong
	 */
	OptionalLong matchingStep(String secret, String code) {
		String digits = (code == null) ? "" : code.replaceAll("\\s", "");
		if (!digits.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long now = currentStep();
		for (long step = now - 1; step <= now + 1; step++) {
			if (constantTimeEquals(codeAt(secret, step), digits)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * Computes the code of a time step; for tests and enrolment checks.
	 * @param secret the Base32 secret
	 * @param step the time step
	 * @return the code
	 */
	String codeAt(String secret, long step) {
		try {
			return this.generator.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("Cannot compute a TOTP code", ex);
		}
	}

	long currentStep() {
		return this.clock.millis() / 1000 / PERIOD_SECONDS;
	}

	private static boolean constantTimeEquals(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

}
