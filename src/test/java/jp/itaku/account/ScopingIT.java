package jp.itaku.account;

import java.util.stream.Stream;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Scoping as a matrix: a contractor's user cannot read another organisation's users or
 * the organisation itself by any route, page or API; what they may see they see by both.
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

	Organisation contractorA;

	Organisation contractorB;

	UserAccount leadA;

	UserAccount workerA;

	UserAccount leadB;

	UserAccount admin;

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

}
