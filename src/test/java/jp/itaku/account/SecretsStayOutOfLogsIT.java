package jp.itaku.account;

import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Secrets never reach the log, even at DEBUG: passwords typed at sign-in, passwords and
 * TOTP codes sent for a token, and the token itself.
 */
@SpringBootTest(properties = { "logging.level.jp.itaku=DEBUG", "logging.level.org.springframework.security=DEBUG",
		"logging.level.org.springframework.web=DEBUG" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void passwordsCodesAndTokensAreNeverLogged(CapturedOutput output) throws Exception {
		UserAccount lead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(lead);
		this.fixtures.formLogin(this.mvc, lead.getUsername(), "Wrong-But-Secret-Password-99");
		String code = this.fixtures.code(enrolled.secret(), 1);
		String response = this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + lead.getUsername() + "\",\"password\":\"" + Fixtures.PASSWORD
						+ "\",\"totpCode\":\"" + code + "\",\"name\":\"log test\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = response.replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
		assertThat(token).startsWith("itk_");
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token));

		assertThat(output.getAll()).isNotBlank()
			.doesNotContain(Fixtures.PASSWORD)
			.doesNotContain("Wrong-But-Secret-Password-99")
			.doesNotContain(token)
			.doesNotContain(token.substring(10))
			.doesNotContain(enrolled.secret())
			.doesNotContain(enrolled.recoveryCodes().get(0));
	}

}
