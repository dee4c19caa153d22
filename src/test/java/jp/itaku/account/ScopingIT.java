package jp.itaku.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Scoping as a matrix: a contractor's user cannot read another organisation's users or
 * the organisation itself by any route, page or API; what they may see they see by both;
 * of another organisation's users only name, organisation and role; and the contract form
 * only those who may register contracts.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopingIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Autowired
	UserAccountRepository repository;

	@Autowired
	Contracts contracts;

	@Autowired
	JsonMapper json;

	Organisation contractorA;

	Organisation contractorB;

	UserAccount leadA;

	UserAccount workerA;

	UserAccount leadB;

	UserAccount admin;

	Organisation client;

	UserAccount officer;

	UserAccount securityAdmin;

	UserAccount auditor;

	Contract contract;

	@BeforeEach
	void data() {
		if (this.leadA != null) {
			return;
		}
		this.contractorA = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.contractorB = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.leadA = this.fixtures.user(this.contractorA, Role.CONTRACTOR_LEAD);
		this.workerA = this.fixtures.user(this.contractorA, Role.CONTRACTOR_WORKER);
		this.leadB = this.fixtures.user(this.contractorB, Role.CONTRACTOR_LEAD);
		this.admin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.SYSTEM_ADMIN);
		// A client that contractor A works for: each sees the other's users.
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.officer = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		this.securityAdmin = this.fixtures.user(this.client, Role.CLIENT_SECURITY_ADMIN);
		this.auditor = this.fixtures.user(this.client, Role.AUDITOR);
		this.fixtures.enrolTotp(this.securityAdmin);
		UserAccount locked = this.repository.findById(this.securityAdmin.getId()).orElseThrow();
		locked.lockUntil(Instant.now().plusSeconds(3600), Instant.now());
		this.repository.save(locked);
		this.contract = this.contracts.register(this.fixtures.actor(this.officer),
				this.fixtures.contractForm(this.contractorA, "setagaya", LocalDate.now().minusMonths(1), Set.of()));
	}

	/** Every route that reads another organisation's users or the organisation itself. */
	Stream<Arguments> foreignRoutes() {
		data();
		return Stream.of(Arguments.of("page: user", "/users/" + this.leadB.getId(), 404),
				Arguments.of("API: user", "/api/v1/users/" + this.leadB.getId(), 404),
				Arguments.of("API: organisation's users",
						"/api/v1/organisations/" + this.contractorB.getId() + "/users", 404),
				Arguments.of("API: organisation", "/api/v1/organisations/" + this.contractorB.getId(), 404),
				Arguments.of("page: user administration", "/admin/users/" + this.leadB.getId(), 403),
				Arguments.of("page: organisation administration", "/admin/organisations/" + this.contractorB.getId(),
						403),
				Arguments.of("page: audit trail", "/audit", 403),
				Arguments.of("API: audit trail", "/api/v1/audit/entries", 403));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("foreignRoutes")
	void aContractorCannotReachAnotherOrganisationsData(String route, String path, int expectedStatus)
			throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(authentication(this.fixtures.signedIn(this.leadA))))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(route).isEqualTo(expectedStatus);
		assertThat(result.getResponse().getContentAsString()).as(route)
			.doesNotContain(this.leadB.getUsername())
			.doesNotContain(this.contractorB.getName());
	}

	@Test
	void listsShowOnlyTheOwnOrganisationByPageAndApi() throws Exception {
		for (String path : new String[] { "/users", "/api/v1/users", "/api/v1/organisations" }) {
			String body = this.mvc.perform(get(path).with(authentication(this.fixtures.signedIn(this.leadA))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(path)
				.doesNotContain(this.leadB.getUsername())
				.doesNotContain(this.contractorB.getName());
		}
		String users = this.mvc.perform(get("/api/v1/users").with(authentication(this.fixtures.signedIn(this.leadA))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(users).contains(this.leadA.getUsername(), this.workerA.getUsername());
	}

	@Test
	void theServiceLayerScopesWhateverTheCaller() {
		assertThat(this.users.list(this.fixtures.actor(this.leadA))).extracting(UserAccount::getUsername)
			.contains(this.leadA.getUsername(), this.workerA.getUsername())
			.doesNotContain(this.leadB.getUsername());
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> this.users.get(this.fixtures.actor(this.leadA), this.leadB.getId())))
			.isInstanceOf(jp.itaku.platform.NotFoundProblem.class);
	}

	@Test
	void theSystemAdministratorSeesEveryOrganisation() throws Exception {
		String body = this.mvc.perform(get("/api/v1/users").with(authentication(this.fixtures.signedIn(this.admin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains(this.leadA.getUsername(), this.leadB.getUsername());
	}

	/**
	 * The user directory as a matrix of viewer and user: their own organisation's users
	 * and, for the system administrator, everyone's in full; other organisations' users
	 * only as id, name, organisation and role — by every route of the API and the pages.
	 */
	Stream<Arguments> directoryMatrix() {
		data();
		return Stream.of(Arguments.of("contractor lead → client security admin", this.leadA, this.securityAdmin, false),
				Arguments.of("contractor lead → client officer", this.leadA, this.officer, false),
				Arguments.of("contractor lead → own worker", this.leadA, this.workerA, true),
				Arguments.of("contractor worker → client security admin", this.workerA, this.securityAdmin, false),
				Arguments.of("client officer → contractor lead", this.officer, this.leadA, false),
				Arguments.of("client officer → own security admin", this.officer, this.securityAdmin, true),
				Arguments.of("client auditor → contractor worker", this.auditor, this.workerA, false),
				Arguments.of("system administrator → client security admin", this.admin, this.securityAdmin, true),
				Arguments.of("system administrator → contractor lead", this.admin, this.leadA, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("directoryMatrix")
	void theDirectoryShowsOtherOrganisationsOnlyNameOrganisationAndRole(String pair, UserAccount viewer,
			UserAccount user, boolean detailed) throws Exception {
		var as = authentication(this.fixtures.signedIn(viewer));
		List<JsonNode> views = new ArrayList<>();
		views.add(this.json.readTree(body(get("/api/v1/users/" + user.getId()).with(as))));
		for (String list : List.of("/api/v1/users", "/api/v1/organisations/" + user.getOrganisationId() + "/users")) {
			for (JsonNode node : this.json.readTree(body(get(list).with(as)))) {
				if (node.get("id").asString().equals(user.getId().toString())) {
					views.add(node);
				}
			}
		}
		assertThat(views).as(pair).hasSize(3);
		for (JsonNode view : views) {
			List<String> fields = new ArrayList<>();
			view.propertyNames().forEach(fields::add);
			if (detailed) {
				assertThat(fields).as(pair).contains("username", "email", "locked", "twoFactorEnrolled", "enabled");
			}
			else {
				assertThat(fields).as(pair).containsExactlyInAnyOrder("id", "displayName", "organisationId", "role");
			}
		}
		String page = body(get("/users/" + user.getId()).with(as)) + body(get("/users").with(as));
		if (detailed) {
			assertThat(page).as(pair).contains(user.getEmail());
		}
		else {
			assertThat(page).as(pair).doesNotContain(user.getUsername()).doesNotContain(user.getEmail());
		}
	}

	/**
	 * Registering a contract, by role: only the client's officers, security
	 * administrators and system administrators get the form (with the list of
	 * contractors); everyone else gets 403 and no list, for every route of the form, and
	 * the dashboard links it only for them.
	 */
	Stream<Arguments> registrationMatrix() {
		data();
		UserAccount subLead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR),
				Role.CONTRACTOR_LEAD);
		return Stream.of(Arguments.of("system administrator", this.admin, true),
				Arguments.of("client security administrator", this.securityAdminUnlocked(), true),
				Arguments.of("client officer", this.officer, true), Arguments.of("client auditor", this.auditor, false),
				Arguments.of("contractor lead", this.leadA, false),
				Arguments.of("contractor worker", this.workerA, false),
				Arguments.of("subcontractor lead", subLead, false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("registrationMatrix")
	void onlyThoseWhoMayRegisterSeeTheContractForm(String role, UserAccount user, boolean mayRegister)
			throws Exception {
		var as = authentication(this.fixtures.signedIn(user));
		List<MvcResult> answers = List.of(this.mvc.perform(get("/contracts/new").with(as)).andReturn(),
				this.mvc.perform(post("/contracts/new").param("addServiceLevelRow", "").with(as).with(csrf()))
					.andReturn(),
				this.mvc.perform(post("/contracts/new").param("number", "X-1").with(as).with(csrf())).andReturn());
		for (MvcResult answer : answers) {
			if (mayRegister) {
				assertThat(answer.getResponse().getStatus()).as(role).isEqualTo(200);
				assertThat(answer.getResponse().getContentAsString()).as(role).contains(this.contractorB.getName());
			}
			else {
				assertThat(answer.getResponse().getStatus()).as(role).isEqualTo(403);
				assertThat(answer.getResponse().getContentAsString()).as(role)
					.doesNotContain(this.contractorA.getName())
					.doesNotContain(this.contractorB.getName());
			}
		}
		String dashboard = body(get("/dashboard").with(as));
		assertThat(dashboard.contains("href=\"/contracts/new\"")).as(role).isEqualTo(mayRegister);
		if (!mayRegister) {
			assertThat(dashboard).as(role).doesNotContain(this.contractorB.getName());
		}
	}

	@Test
	void aContractorGetsNoEditFormOfItsContract() throws Exception {
		var as = authentication(this.fixtures.signedIn(this.leadA));
		assertThat(this.mvc.perform(get("/contracts/" + this.contract.getId() + "/edit").with(as))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(body(get("/contracts/" + this.contract.getId()).with(as)))
			.doesNotContain("/contracts/" + this.contract.getId() + "/edit");
		assertThat(this.mvc
			.perform(get("/contracts/" + this.contract.getId() + "/edit")
				.with(authentication(this.fixtures.signedIn(this.officer))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	/**
	 * The locked security administrator of the directory matrix cannot act; a colleague
	 * can.
	 */
	private UserAccount securityAdminUnlocked() {
		return this.fixtures.user(this.client, Role.CLIENT_SECURITY_ADMIN);
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
