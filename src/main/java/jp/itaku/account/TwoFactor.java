package jp.itaku.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.crypto.FieldEncryptor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrolment of an authenticator app (TOTP) and the recovery codes that go with it. The
 * secret is stored encrypted; the recovery codes only as hashes, shown once. Outside the
 * sign-in's enrolment step, enrolling (again) and new recovery codes need the password
 * and, when enrolled, a current code or a recovery code ({@link SignIn#reauthenticate}).
 */
@Service
public class TwoFactor {

	private final UserAccountRepository users;

	private final RecoveryCodeRepository recoveryCodes;

	private final OrganisationSystemReads organisationReads;

	private final TotpCodes totp;

	private final FieldEncryptor encryptor;

	private final AuditTrail audit;

	private final Clock clock;

	private final SignIn signIn;

	private final TransactionTemplate transactions;

	TwoFactor(UserAccountRepository users, RecoveryCodeRepository recoveryCodes,
			OrganisationSystemReads organisationReads, TotpCodes totp, FieldEncryptor encryptor, AuditTrail audit,
			Clock clock, SignIn signIn, PlatformTransactionManager transactionManager) {
		this.signIn = signIn;
		this.transactions = new TransactionTemplate(transactionManager);
		this.users = users;
		this.recoveryCodes = recoveryCodes;
		this.organisationReads = organisationReads;
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
	 * Completes a first enrolment, in the enrolment step of the sign-in that has just
	 * checked the password, once the user proves their app shows the right code.
	 * @param userId the user, not yet enrolled
	 * @param secret the secret of the pending enrolment
	 * @param code the code the app shows
	 * @return the new recovery codes, to show once
	 * @throws InvalidInputProblem when the code does not match or the user is already
	 * enrolled (replacing an authenticator needs {@link #replace})
	 */
	@Transactional
	public List<String> complete(UUID userId, String secret, String code) {
		UserAccount user = this.users.findById(userId).orElseThrow(() -> new NotFoundProblem("user.entity"));
		if (user.isTotpEnabled()) {
			throw new InvalidInputProblem("currentCode", "totp.proofRequired");
		}
		return enrol(user, secret, requireMatch(secret, code), false);
	}

	/**
	 * Enrols an authenticator outside the sign-in steps: a first one, or a new one in
	 * place of the old (a new phone). The user proves again who they are with their
	 * password and, when enrolled, a current code or a recovery code; a failed proof
	 * counts toward the waits and the lock and is audited, and nothing changes.
	 * @param userId the signed-in user
	 * @param password their password
	 * @param currentCode a code of the authenticator in use, or a recovery code
	 * @param secret the secret of the pending enrolment
	 * @param code the code the new app shows
	 * @param source the client's address
	 * @return the new recovery codes, to show once
	 * @throws InvalidInputProblem naming {@code code} when the new app's code does not
	 * match, or {@code currentPassword} when the proof failed
	 */
	public List<String> replace(UUID userId, String password, String currentCode, String secret, String code,
			String source) {
		long step = requireMatch(secret, code);
		requireProof(userId, password, currentCode, source, "totp_enrolment");
		return this.transactions.execute((status) -> enrol(
				this.users.findById(userId).orElseThrow(() -> new NotFoundProblem("user.entity")), secret, step, true));
	}

	/**
	 * Replaces a user's recovery codes with new ones, after they prove again who they are
	 * with their password and a current code or an unused recovery code.
	 * @param userId the user, who must be enrolled
	 * @param password their password
	 * @param currentCode a current code, or a recovery code
	 * @param source the client's address
	 * @return the new codes, to show once
	 * @throws InvalidInputProblem naming {@code currentPassword} when the proof failed
	 */
	public List<String> regenerateRecoveryCodes(UUID userId, String password, String currentCode, String source) {
		requireProof(userId, password, currentCode, source, "recovery_codes");
		return this.transactions.execute((status) -> {
			UserAccount user = this.users.findById(userId).orElseThrow(() -> new NotFoundProblem("user.entity"));
			if (!user.isTotpEnabled()) {
				throw new InvalidInputProblem("currentCode", "totp.notEnrolled");
			}
			List<String> codes = replaceRecoveryCodes(userId, Instant.now(this.clock));
			this.audit.record(AuditRecord.of("RECOVERY_CODES_REGENERATED")
				.actor(SignIn.actorOf(user, this.organisationReads))
				.target("UserAccount", userId));
			return codes;
		});
	}

	/**
	 * Returns whether a user has an authenticator enrolled.
	 * @param userId the user
	 * @return {@code true} when enrolled
	 */
	@Transactional(readOnly = true)
	public boolean isEnrolled(UUID userId) {
		return this.users.findById(userId).map(UserAccount::isTotpEnabled).orElse(false);
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

	private long requireMatch(String secret, String code) {
		OptionalLong step = this.totp.matchingStep(secret, code);
		if (step.isEmpty()) {
			throw new InvalidInputProblem("code", "totp.codeWrong");
		}
		return step.getAsLong();
	}

	/**
	 * Proves the user again in a transaction of its own, so that a failure stays counted.
	 */
	private void requireProof(UUID userId, String password, String currentCode, String source, String purpose) {
		if (!this.signIn.reauthenticate(userId, password, currentCode, source, purpose)) {
			throw new InvalidInputProblem("currentPassword", "account.reauthentication.failed");
		}
	}

	private List<String> enrol(UserAccount user, String secret, long step, boolean replaced) {
		Instant now = Instant.now(this.clock);
		boolean wasEnrolled = user.isTotpEnabled();
		user.enrolTotp(this.encryptor.encrypt(secret, SignIn.totpContext(user.getId())), step, now);
		List<String> codes = replaceRecoveryCodes(user.getId(), now);
		this.audit.record(AuditRecord.of("TOTP_ENROLLED")
			.actor(SignIn.actorOf(user, this.organisationReads))
			.target("UserAccount", user.getId())
			.detail("reauthenticated", replaced)
			.detail("replacedPrevious", wasEnrolled));
		return codes;
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
