package jp.itaku.platform;

import jp.itaku.account.ApiTokens;
import jp.itaku.account.UserAccount;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Operations: health and readiness for the load balancer without sign-in; Prometheus
 * metrics only for the system administrator's token.
 */
@IntegrationTest
class OperationsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Test
	void healthAndReadinessNeedNoSignIn() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void metricsAreForTheSystemAdministratorOnly() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		UserAccount lead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		String leadToken = this.tokens.issue(this.fixtures.actor(lead), "metrics", 1).value();
		this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + leadToken))
			.andExpect(status().isForbidden());
		UserAccount admin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.SYSTEM_ADMIN);
		String adminToken = this.tokens.issue(this.fixtures.actor(admin), "metrics", 1).value();
		this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + adminToken))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
	}

}
