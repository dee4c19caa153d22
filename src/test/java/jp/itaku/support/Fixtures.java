package jp.itaku.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import jp.itaku.account.CreatedUser;
import jp.itaku.account.SignIn;
import jp.itaku.account.StepAuthentication;
import jp.itaku.account.TwoFactor;
import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.account.UserForm;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.incident.IncidentCategory;
import jp.itaku.incident.IncidentForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterContents;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Test data made through the application's own services: organisations, users, enrolled
 * authenticators, signed-in sessions.
 */
@TestComponent
public class Fixtures {

	/**
	 * The password of every fixture user: long and hard to guess, as the rules demand.
	 */
	public static final String PASSWORD = "Kumo-Hashiru-Sakana-47";

	private final Organisations organisations;

	private final UserAccounts users;

	private final SignIn signIn;

	private final TwoFactor twoFactor;

	private final Clock clock;

	private final ClauseCatalog catalog;

	/** Absent from module tests whose modules do not reach the roster. */
	private final ObjectProvider<Rosters> rosters;

	Fixtures(Organisations organisations, UserAccounts users, SignIn signIn, TwoFactor twoFactor, Clock clock,
			ClauseCatalog catalog, ObjectProvider<Rosters> rosters) {
		this.rosters = rosters;
		this.catalog = catalog;
		this.organisations = organisations;
		this.users = users;
		this.signIn = signIn;
		this.twoFactor = twoFactor;
		this.clock = clock;
	}

	/**
	 * Creates an organisation with a unique name.
	 * @param kind its kind
	 * @return the organisation
	 */
	public Organisation organisation(OrganisationKind kind) {
		return this.organisations.create(null,
				new OrganisationForm("テスト組織 " + UUID.randomUUID().toString().substring(0, 8), kind, null));
	}

	/**
	 * Creates a user with a unique name and {@link #PASSWORD}.
	 * @param organisation the user's organisation
	 * @param role the role
	 * @return the user
	 */
	public UserAccount user(Organisation organisation, Role role) {
		String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return this.users.createWithPassword(
				UserForm.filled(username, "試験 利用者", username + "@example.jp", organisation.getId(), role, true),
				PASSWORD);
	}

	/**
	 * Creates a user without an e-mail address, as a contractor's worker often is.
	 * @param organisation the user's organisation
	 * @param role the role
	 * @return the user
	 */
	public UserAccount userWithoutAddress(Organisation organisation, Role role) {
		String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return this.users
			.createWithPassword(UserForm.filled(username, "試験 利用者", null, organisation.getId(), role, true), PASSWORD);
	}

	/**
	 * Returns a fully signed-in authentication of a user, for
	 * {@code with(authentication(…))}.
	 * @param user the user
	 * @return the authentication
	 */
	public StepAuthentication signedIn(UserAccount user) {
		return this.signIn.completeAuthenticationOf(user.getId()).orElseThrow();
	}

	/**
	 * Returns a filled contract form with a unique number, under the newest version of a
	 * shipped clause profile.
	 * @param contractor the contractor
	 * @param profileCode the profile's code, e.g. {@code setagaya}
	 * @param start the first day of the contract period (the period lasts a year)
	 * @param attributes the scope attributes
	 * @return the form
	 */
	public ContractForm contractForm(Organisation contractor, String profileCode, LocalDate start,
			Set<ContractAttribute> attributes) {
		ContractForm form = new ContractForm();
		form.setNumber("T-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("試験用の委託契約");
		form.setContractorOrganisationId(contractor.getId());
		form.setProfileId(this.catalog.profiles()
			.stream()
			.filter((p) -> p.code().equals(profileCode))
			.findFirst()
			.orElseThrow()
			.id());
		form.setPeriodStart(start);
		form.setPeriodEnd(start.plusYears(1).minusDays(1));
		form.setAttributes(new ArrayList<>(attributes));
		return form;
	}

	/**
	 * Returns a valid incident report: a lost copy of an application, detected five
	 * minutes ago (Tokyo time).
	 * @param clock the application's clock
	 * @return the form
	 */
	/**
	 * Completes a worker with what the contract's profile asks its written roster to say
	 * and the form leaves blank (Kadoma 2(4): expertise, track record, nationality;
	 * Nerima 第7条: the planned end; Setagaya 3(2): the work location; Gunma 第4条: the
	 * duties), so that a test filing a roster notice is not refused for a field it does
	 * not test.
	 * @param contract the contract
	 * @param form the worker
	 * @return the same form
	 */
	public RosterMemberForm forNotice(Contract contract, RosterMemberForm form) {
		for (RosterContents.Field field : this.rosters.getObject().requiredContents(contract).fields()) {
			switch (field) {
				case DUTIES -> form.setDuties(orElse(form.getDuties(), "申請書の入力"));
				case WORK_LOCATION -> form.setWorkLocation(orElse(form.getWorkLocation(), "本社 5階 入力室"));
				case EXPERTISE -> form.setExpertise(orElse(form.getExpertise(), "個人情報保護研修 修了"));
				case TRACK_RECORD -> form.setTrackRecord(orElse(form.getTrackRecord(), "入力業務 3年"));
				case NATIONALITY -> form.setNationality(orElse(form.getNationality(), "日本"));
				case PLANNED_END -> {
					if (form.getPlannedEnd() == null) {
						form.setPlannedEnd(contract.getPeriodEnd());
					}
				}
				default -> {
					// always entered
				}
			}
		}
		return form;
	}

	private static String orElse(String value, String otherwise) {
		return (value == null || value.isBlank()) ? otherwise : value;
	}

	public IncidentForm lossReport(Clock clock) {
		IncidentForm form = new IncidentForm();
		form.setCategory(IncidentCategory.LOSS);
		form.setDetectedAt(LocalDateTime.now(clock.withZone(ItakuTime.ZONE)).withNano(0).minusMinutes(5));
		form.setLocation("入力室");
		form.setDescription("申請書の写し1枚が所在不明");
		return form;
	}

	/**
	 * Returns the actor of a user, for calling services directly.
	 * @param user the user
	 * @return the actor
	 */
	public Actor actor(UserAccount user) {
		return ((ActorPrincipal) signedIn(user).getPrincipal()).actor();
	}

	/**
	 * Creates a user as an administrator does: with a one-time password.
	 * @param admin the system administrator
	 * @param organisation the user's organisation
	 * @param role the role
	 * @return the user and the one-time password
	 */
	public CreatedUser createWithOneTimePassword(UserAccount admin, Organisation organisation, Role role) {
		String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return this.users.create(actor(admin),
				UserForm.filled(username, "新規 利用者", null, organisation.getId(), role, true));
	}

	/**
	 * Enrols an authenticator for a user.
	 * @param user the user
	 * @return the enrolment's secret and recovery codes
	 */
	public Enrolled enrolTotp(UserAccount user) {
		String secret = this.twoFactor.start(user.getUsername()).secret();
		List<String> codes = this.twoFactor.complete(user.getId(), secret, code(secret, 0));
		return new Enrolled(secret, codes);
	}

	/**
	 * Computes a TOTP code.
	 * @param secret the Base32 secret
	 * @param stepsAhead 0 for the current 30-second step, 1 for the next
	 * @return the code
	 */
	public String code(String secret, int stepsAhead) {
		long step = this.clock.millis() / 1000 / 30 + stepsAhead;
		try {
			return new DefaultCodeGenerator().generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Signs in through the form and returns the session, in whatever step follows.
	 * @param mvc the mock MVC
	 * @param username the user name
	 * @param password the password
	 * @return the result of the sign-in request
	 * @throws Exception when the request fails
	 */
	public MvcResult formLogin(MockMvc mvc, String username, String password) throws Exception {
		return formLogin(mvc, username, password, "127.0.0.1");
	}

	/**
	 * Signs in through the form from a given client address (sign-in throttling counts
	 * per address).
	 * @param mvc the mock MVC
	 * @param username the user name
	 * @param password the password
	 * @param source the client's address
	 * @return the result of the sign-in request
	 * @throws Exception when the request fails
	 */
	public MvcResult formLogin(MockMvc mvc, String username, String password, String source) throws Exception {
		return mvc
			.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("username", username)
				.param("password", password)
				.with(from(source))
				.with(csrf()))
			.andReturn();
	}

	/**
	 * Sends a request from a given client address.
	 * @param source the client's address
	 * @return the request post-processor
	 */
	public static RequestPostProcessor from(String source) {
		return (request) -> {
			request.setRemoteAddr(source);
			return request;
		};
	}

	/**
	 * Returns the session a request left behind.
	 * @param result the result
	 * @return its session
	 */
	public static MockHttpSession session(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/**
	 * An enrolled authenticator.
	 *
	 * @param secret the Base32 secret
	 * @param recoveryCodes the recovery codes
	 */
	public record Enrolled(String secret, List<String> recoveryCodes) {
	}

}
