package jp.itaku.export;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.itaku.platform.BaseUrl;
import jp.itaku.account.AccountEvents;
import jp.itaku.account.SignIn;
import jp.itaku.account.UserAccounts;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.RequirementText;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;
import jp.itaku.platform.Sha256;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal calendar feeds: an iCalendar (RFC 5545) stream of the due dates a user's
 * organisation must still meet or have reviewed (open, returned, submitted) across its
 * contracts that are not closed, for Outlook to subscribe to. The feed's URL carries a
 * random token that is the credential: shown once, stored only as its SHA-256, revoked by
 * the user or when a new one is issued. Issuing and revoking are audited; fetching is not
 * (calendar clients poll), and acts with the user's own scope, ending when the user is
 * disabled or locked.
 */
@Service
public class CalendarFeeds {

	private static final String PREFIX = "icf_";

	private static final Pattern TOKEN = Pattern.compile("icf_[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The statuses whose due dates the feed lists. */
	static final Set<ObligationStatus> LISTED = EnumSet.of(ObligationStatus.OPEN, ObligationStatus.RETURNED,
			ObligationStatus.SUBMITTED);

	private final CalendarFeedTokenRepository tokens;

	private final SignIn signIn;

	private final UserAccounts users;

	private final Contracts contracts;

	private final Obligations obligations;

	private final RequirementText requirementText;

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	private final BaseUrl baseUrl;

	CalendarFeeds(CalendarFeedTokenRepository tokens, SignIn signIn, UserAccounts users, Contracts contracts,
			Obligations obligations, RequirementText requirementText, WorkingCalendar calendar, MessageSource messages,
			AuditTrail audit, Clock clock, BaseUrl baseUrl) {
		this.tokens = tokens;
		this.signIn = signIn;
		this.users = users;
		this.contracts = contracts;
		this.obligations = obligations;
		this.requirementText = requirementText;
		this.calendar = calendar;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * Issues the acting user a new feed token, revoking any earlier one.
	 * @param actor the signed-in user
	 * @return the token and the feed's URL, shown once
	 */
	@Transactional
	public IssuedFeed issue(Actor actor) {
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		List<UUID> replaced = revokeActive(actor, now, "replaced");
		this.tokens.flush();
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		CalendarFeedToken token = this.tokens.save(new CalendarFeedToken(actor.userId(), sha256(value), now));
		this.audit.record(AuditRecord.of("CALENDAR_FEED_TOKEN_CREATED")
			.actor(actor)
			.target("CalendarFeedToken", token.getId())
			.detail("replaced", replaced.stream().map(UUID::toString).toList()));
		return new IssuedFeed(token, value, feedUrl(value));
	}

	/**
	 * Revokes the acting user's feed token, if there is one.
	 * @param actor the signed-in user
	 * @return {@code true} when a token was revoked
	 */
	@Transactional
	public boolean revoke(Actor actor) {
		return !revokeActive(actor, Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS), "revoked").isEmpty();
	}

	/**
	 * Revokes a user's feed tokens when their access is cut (disabled, role or password
	 * changed, signed out everywhere), in the same transaction as the change.
	 * @param event what happened
	 */
	@EventListener
	@Transactional
	public void revokeOnAccessRevoked(AccountEvents.AccessRevoked event) {
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		for (CalendarFeedToken token : this.tokens.findByUserIdAndRevokedAtIsNull(event.userId())) {
			token.revoke(now);
			this.audit.record(AuditRecord.of("CALENDAR_FEED_TOKEN_REVOKED")
				.actor(event.actor())
				.target("CalendarFeedToken", token.getId())
				.detail("reason", event.reason()));
		}
	}

	/**
	 * Returns since when the acting user's feed token is active.
	 * @param actor the signed-in user
	 * @return when the active token was issued, or empty when there is none
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> activeSince(Actor actor) {
		return this.tokens.findByUserIdAndRevokedAtIsNull(actor.userId())
			.stream()
			.map(CalendarFeedToken::getCreatedAt)
			.max(Comparator.naturalOrder());
	}

	/**
	 * Renders the feed a token opens, in its user's preferred language.
	 * @param token the token from the URL
	 * @return the iCalendar text, or empty when the token is unknown, malformed or
	 * revoked, or its user may no longer sign in
	 */
	@Transactional(readOnly = true)
	public Optional<String> feed(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(sha256(token))
			.filter(CalendarFeedToken::isActive)
			.flatMap((stored) -> this.signIn.completeAuthenticationOf(stored.getUserId()))
			.map((authentication) -> ((ActorPrincipal) authentication.getPrincipal()).actor())
			.map(this::render);
	}

	/**
	 * Returns the URL of the feed a token opens.
	 * @param token the token
	 * @return e.g. {@code https://itaku.example.jp/calendar/icf_….ics}
	 */
	public String feedUrl(String token) {
		return this.baseUrl.of("/calendar/" + token + ".ics");
	}

	private List<UUID> revokeActive(Actor actor, Instant now, String reason) {
		List<UUID> revoked = new ArrayList<>();
		for (CalendarFeedToken token : this.tokens.findByUserIdAndRevokedAtIsNull(actor.userId())) {
			token.revoke(now);
			revoked.add(token.getId());
			this.audit.record(AuditRecord.of("CALENDAR_FEED_TOKEN_REVOKED")
				.actor(actor)
				.target("CalendarFeedToken", token.getId())
				.detail("reason", reason));
		}
		return revoked;
	}

	private String render(Actor actor) {
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(preferredLocale(actor));
		try {
			return write(actor, dueItems(actor));
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	private Locale preferredLocale(Actor actor) {
		String language = this.users.get(actor, actor.userId()).getPreferredLocale();
		return (language != null && Locale.ENGLISH.getLanguage().equals(Locale.forLanguageTag(language).getLanguage()))
				? Locale.ENGLISH : Locale.JAPANESE;
	}

	private List<DueItem> dueItems(Actor actor) {
		List<DueItem> items = new ArrayList<>();
		// A subcontractor's lead follows the contracts it works on and what its part
		// owes.
		for (Contract contract : this.contracts.listAsParticipant(actor)) {
			if (contract.getStatus() == ContractStatus.CLOSED) {
				continue;
			}
			for (Obligation obligation : this.obligations.forPart(actor, contract.getId())) {
				if (obligation.getDueDate() != null && LISTED.contains(obligation.getStatus())) {
					items.add(new DueItem(contract, obligation));
				}
			}
		}
		items.sort(Comparator.comparing((DueItem item) -> item.obligation().getDueDate())
			.thenComparing((item) -> item.contract().getNumber())
			.thenComparing((item) -> item.obligation().getClauseRef()));
		return items;
	}

	// only obligations with a due date become DueItems (see the loop that collects them)
	@SuppressWarnings("NullAway")
	private String write(Actor actor, List<DueItem> items) {
		Instant stamp = Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = this.calendar.today();
		ICalendarWriter ics = new ICalendarWriter().raw("BEGIN", "VCALENDAR")
			.raw("VERSION", "2.0")
			.raw("PRODID", "-//Itaku//Obligation due dates//JA")
			.raw("CALSCALE", "GREGORIAN")
			.raw("METHOD", "PUBLISH")
			.text("X-WR-CALNAME", text("export.calendar.name", actor.organisationName()))
			.text("X-WR-CALDESC", text("export.calendar.description"))
			.raw("X-WR-TIMEZONE", "Asia/Tokyo")
			.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
			.raw("X-PUBLISHED-TTL", "PT1H");
		for (DueItem item : items) {
			Obligation obligation = item.obligation();
			Contract contract = item.contract();
			String link = this.baseUrl.of("/obligations/" + obligation.getId());
			String description = String.join("\n", summary(obligation),
					text("export.calendar.clause", obligation.getClauseRef()),
					text("export.calendar.status",
							text("obligationStatus." + obligation.effectiveStatus(today).name())),
					text("export.calendar.contract", contract.getNumber(), contract.getTitle()), link);
			ics.raw("BEGIN", "VEVENT")
				.raw("UID", obligation.getId() + "@itaku")
				.utc("DTSTAMP", stamp)
				.date("DTSTART", obligation.getDueDate())
				.date("DTEND", obligation.getDueDate().plusDays(1))
				.text("SUMMARY", text("export.calendar.summary",
						this.requirementText.label("deliverable", obligation.getDeliverable()), contract.getNumber()))
				.text("DESCRIPTION", description)
				.raw("URL", link)
				.raw("TRANSP", "TRANSPARENT")
				.raw("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE")
				.raw("X-MICROSOFT-CDO-BUSYSTATUS", "FREE")
				.raw("END", "VEVENT");
		}
		return ics.raw("END", "VCALENDAR").toString();
	}

	private static String summary(Obligation obligation) {
		boolean english = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
		return (english && obligation.getSummaryEn() != null) ? obligation.getSummaryEn() : obligation.getSummary();
	}

	private String text(String key, @Nullable Object... arguments) {
		String message = this.messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

	/**
	 * Returns the SHA-256 of a token, as stored.
	 * @param value the token
	 * @return the hex digest
	 */
	static String sha256(String value) {
		return Sha256.of(value);
	}

	private record DueItem(Contract contract, Obligation obligation) {
	}

	/**
	 * A feed token just issued.
	 *
	 * @param token the stored token
	 * @param value the secret token, shown once
	 * @param url the feed's URL, which contains the secret
	 */
	public record IssuedFeed(CalendarFeedToken token, String value, String url) {

		@Override
		public String toString() {
			return "IssuedFeed[" + this.token.getId() + "]";
		}

	}

}
