package jp.itaku.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.crypto.FieldEncryptor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment of an authenticator app (TOTP) and the recovery codes that go with it. The
 * secret is stored encrypted; the recovery codes only as hashes, shown once.
 */
@Service
public class TwoFactor {

	private final UserAccountRepository users;

	private final RecoveryCodeRepository recoveryCodes;

	private final Organisations organisations;

	private final TotpCodes totp;

	private final FieldEncryptor encryptor;

	private final AuditTrail audit;

	private final Clock clock;

	TwoFactor(UserAccountRepository users, RecoveryCodeRepository recoveryCodes, Organisations organisations,
			TotpCodes totp, FieldEncryptor encryptor, AuditTrail audit, Clock clock) {
		this.users = users;
		this.recoveryCodes = recoveryCodes;
		this.organisations = organisations;
		this.totp = totp;
		this.encryptor = encryptor;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Starts an enrolment: a new secret and its QR code, not yet stored.
	 * @param username the account name the app shows
	 * @return the pending enrolment
	 */
	public Enrolment start(String username) {
		String secret = this.totp.newSecret();
		return new Enrolment(secret, this.totp.qrDataUri(username, secret));
	}

	/**
	 * Shows a pending enrolment again, e.g. after a mistyped code, with the same secret
	 * the user may already have scanned.
	 * @param username the account name the app shows
	 * @param secret the pending secret
	 * @return the pending enrolment
	 */
	public Enrolment resume(String username, String secret) {
		return new Enrolment(secret, this.totp.qrDataUri(username, secret));
	}

	/**
	 * Completes an enrolment once the user proves their app shows the right code.
	 * @param userId the user
	 * @param secret the secret of the pending enrolment
	 * @param code the code the app shows
	 * @return the new recovery codes, to show once
	 * @throws InvalidInputProblem when the code does not match
	 */
	@Transactional
	public List<String> complete(UUID userId, String secret, String code) {
		UserAccount user = this.users.findById(userId).orElseThrow(() -> new NotFoundProblem("user.entity"));
		OptionalLong step = this.totp.matchingStep(secret, code);
		if (step.isEmpty()) {
			throw new InvalidInputProblem("code", "totp.codeWrong");
		}
		Instant now = Instant.now(this.clock);
		user.enrolTotp(this.encryptor.encrypt(secret, SignIn.totpContext(userId)), step.getAsLong(), now);
		List<String> codes = replaceRecoveryCodes(userId, now);
		this.audit.record(AuditRecord.of("TOTP_ENROLLED")
			.actor(SignIn.actorOf(user, this.organisations))
			.target("UserAccount", userId));
		return codes;
	}

	/**
	 * Replaces a user's recovery codes with new ones.
	 * @param userId the user, who must be enrolled
	 * @return the new codes, to show once
	 */
	@Transactional
	public List<String> regenerateRecoveryCodes(UUID userId) {
		UserAccount user = this.users.findById(userId).orElseThrow(() -> new NotFoundProblem("user.entity"));
		if (!user.isTotpEnabled()) {
			throw new InvalidInputProblem("code", "totp.notEnrolled");
		}
		List<String> codes = replaceRecoveryCodes(userId, Instant.now(this.clock));
		this.audit.record(AuditRecord.of("RECOVERY_CODES_REGENERATED")
			.actor(SignIn.actorOf(user, this.organisations))
			.target("UserAccount", userId));
		return codes;
	}

	/**
	 * Returns how many recovery codes a user has left.
	 * @param userId the user
	 * @return unused codes
	 */
	@Transactional(readOnly = true)
	public long remainingRecoveryCodes(UUID userId) {
		return this.recoveryCodes.countByUserIdAndUsedAtIsNull(userId);
	}

	private List<String> replaceRecoveryCodes(UUID userId, Instant now) {
		this.recoveryCodes.deleteByUserId(userId);
		this.recoveryCodes.flush();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RecoveryCodes.COUNT; i++) {
			String code = RecoveryCodes.generate();
			codes.add(code);
			this.recoveryCodes.save(new RecoveryCode(userId, Secrets.sha256(RecoveryCodes.normalise(code)), now));
		}
		return codes;
	}

	/**
	 * A pending enrolment.
	 *
	 * @param secret the Base32 secret, for manual entry
	 * @param qrDataUri the QR code as a {@code data:} URI
	 */
	public record Enrolment(String secret, String qrDataUri) {

		@Override
		public String toString() {
			return "Enrolment[secret hidden]";
		}

	}

}
