package jp.itaku.catalog;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jp.itaku.account.UserAccount;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clause catalog through the application: import (whole or nothing, versioned, for
 * the right roles), browsing, comparison, Japanese full-text search and the OSCAL export
 * validated against NIST's published schema.
 */
@IntegrationTest
class ClauseCatalogIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ClauseCatalog catalog;

	@Autowired
	OscalExporter oscal;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	UserAccount securityAdmin;

	UserAccount lead;

	@BeforeEach
	void users() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.securityAdmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.lead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR), Role.CONTRACTOR_LEAD);
	}

	private static String sample(String code) throws Exception {
		return new ClassPathResource("catalog/sample-profile.yaml").getContentAsString(StandardCharsets.UTF_8)
			.replace("code: sample-city", "code: " + code);
	}

	private static String uniqueCode() {
		return "s" + java.util.UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aValidFileIsImportedByApiAndShown() throws Exception {
		String code = uniqueCode();
		String body = this.mvc
			.perform(post("/api/v1/profiles").with(authentication(this.fixtures.signedIn(this.securityAdmin)))
				.contentType("application/yaml")
				.content(sample(code).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.definition.clauses.length()").value(5))
			.andExpect(jsonPath("$.definition.clauses[2].requirements[0].actor").value("CONTRACTOR"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(body).get("id").asString();
		this.mvc.perform(get("/catalog/profiles/" + id).with(authentication(this.fixtures.signedIn(this.lead))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("従事者名簿（氏名、所属及び国籍を記載したもの）")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("国籍")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("速やかに")));
	}

	@Test
	void aBrokenFileIsRefusedByLineAndFieldAndNothingIsStored() throws Exception {
		String code = uniqueCode();
		String broken = sample(code).replace("category: TECHNICAL_SECURITY", "category: NO_SUCH_CATEGORY");
		int before = this.jdbc.queryForObject("select count(*) from clause_profile", Integer.class);
		this.mvc
			.perform(post("/api/v1/profiles").with(authentication(this.fixtures.signedIn(this.securityAdmin)))
				.contentType("application/yaml")
				.content(broken.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("clauses[3].category"))
			.andExpect(jsonPath("$.errors[0].line").value(41))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("何も登録していません")));
		assertThat(this.jdbc.queryForObject("select count(*) from clause_profile", Integer.class)).isEqualTo(before);
		assertThat(this.catalog.versions(code)).isEmpty();
	}

	@Test
	void theImportPageListsFaultsInJapanese() throws Exception {
		String broken = sample(uniqueCode()).replace("actor: CLIENT", "actor: 区");
		this.mvc
			.perform(multipart("/catalog/import")
				.file(new MockMultipartFile("file", "mine.yaml", "application/yaml",
						broken.getBytes(StandardCharsets.UTF_8)))
				.with(authentication(this.fixtures.signedIn(this.securityAdmin)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("mine.yaml に 1 件の誤りがあります")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("clauses[4].requirements[0].actor")));
	}

	@Test
	void onlyAdministratorsImport() throws Exception {
		this.mvc
			.perform(post("/api/v1/profiles").with(authentication(this.fixtures.signedIn(this.lead)))
				.contentType("application/yaml")
				.content(sample(uniqueCode()).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/catalog/import").with(authentication(this.fixtures.signedIn(this.lead))))
			.andExpect(status().isForbidden());
	}

	@Test
	void editingMakesANewVersionAndTheOldOneNeverChanges() throws Exception {
		String code = uniqueCode();
		var admin = this.fixtures.actor(this.securityAdmin);
		StoredProfile first = this.catalog.importProfile(admin, "a.yaml", sample(code), java.util.Locale.JAPANESE);
		StoredProfile same = this.catalog.importProfile(admin, "a.yaml", sample(code), java.util.Locale.JAPANESE);
		assertThat(same.id()).isEqualTo(first.id());
		StoredProfile second = this.catalog.importProfile(admin, "b.yaml",
				sample(code).replace("業務上知り得た情報を漏らさない", "業務上知り得た一切の情報を漏らさない"), java.util.Locale.JAPANESE);
		assertThat(second.version()).isEqualTo(2);
		assertThat(this.catalog.get(first.id()).definition().clauses().get(0).requirements().get(0).summary())
			.isEqualTo("業務上知り得た情報を漏らさない（契約終了後も）");
		assertThat(this.catalog.versions(code)).extracting(ProfileSummary::version).containsExactly(2, 1);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.update("update clause set text = 'x' where profile_id = ?", first.id()))
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
	}

	@Test
	void japaneseTextIsFoundWithoutWordBoundaries() throws Exception {
		String code = uniqueCode();
		this.catalog.importProfile(this.fixtures.actor(this.securityAdmin), "a.yaml",
				sample(code).replace("実地に検査", "実地に検査（抜き打ち" + code + "）"), java.util.Locale.JAPANESE);
		assertThat(this.catalog.search("抜き打ち" + code)).singleElement().satisfies((hit) -> {
			assertThat(hit.ref()).isEqualTo("3");
			assertThat(hit.category()).isEqualTo(ClauseCategory.AUDIT_AND_INSPECTION);
		});
		this.mvc
			.perform(get("/catalog/search").param("q", "抜き打ち" + code)
				.with(authentication(this.fixtures.signedIn(this.lead))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("見本市 3")));
		String plan = String.join("\n",
				this.jdbc.queryForList("explain select * from clause where text ilike '%抜き打ち%'", String.class));
		assertThat(plan).isNotBlank();
	}

	@Test
	void theComparisonShowsWhereAProfileIsSilent() throws Exception {
		this.catalog.importProfile(this.fixtures.actor(this.securityAdmin), "a.yaml", sample(uniqueCode()),
				java.util.Locale.JAPANESE);
		this.mvc.perform(get("/catalog/compare").with(authentication(this.fixtures.signedIn(this.lead))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("規定なし")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("見本市")));
	}

	@Test
	void theOscalExportValidatesAgainstNistsCatalogSchema() throws Exception {
		StoredProfile profile = this.catalog.importProfile(this.fixtures.actor(this.securityAdmin), "a.yaml",
				sample(uniqueCode()), java.util.Locale.JAPANESE);
		List<Error> errors = validateOscal(this.oscal.export(profile));
		assertThat(errors).isEmpty();
		tools.jackson.databind.node.ObjectNode broken = this.oscal.export(profile);
		((tools.jackson.databind.node.ObjectNode) broken.get("catalog").get("metadata")).remove("title");
		assertThat(validateOscal(broken)).as("the validator notices a missing title").isNotEmpty();
		String body = this.mvc
			.perform(get("/api/v1/profiles/" + profile.id() + "/oscal")
				.with(authentication(this.fixtures.signedIn(this.lead))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode catalogNode = this.json.readTree(body).get("catalog");
		assertThat(catalogNode.get("metadata").get("oscal-version").asString()).isEqualTo("1.1.3");
		assertThat(body).contains("\"value\":\"NATIONALITY\"").contains(OscalExporter.NS);
	}

	@Test
	void everyBundledProfileExportsValidOscal() {
		for (ProfileSummary summary : this.catalog.profiles()) {
			assertThat(validateOscal(this.oscal.export(this.catalog.get(summary.id())))).as(summary.code()).isEmpty();
		}
	}

	private List<Error> validateOscal(JsonNode document) {
		try (InputStream in = new ClassPathResource("schema/json/oscal-catalog_schema.json").getInputStream()) {
			JsonNode nist = this.json.readTree(in);
			ignoreDraft4Ids(nist);
			Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(nist);
			return schema.validate(document);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * NIST's published OSCAL 1.1.3 catalog schema describes a party's external id as
	 * {@code "id": {"id": {"$ref": …}}}: a schema whose only key is the draft-04 keyword
	 * {@code id}, which draft-07 ignores (so the schema accepts any value), but which the
	 * validator refuses to compile. This applies draft-07's meaning: such a schema
	 * becomes {@code {}}.
	 */
	private static void ignoreDraft4Ids(JsonNode node) {
		if (node instanceof tools.jackson.databind.node.ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				JsonNode child = object.get(name);
				if (child.isObject() && child.size() == 1 && child.has("id") && child.get("id").isObject()) {
					object.set(name, object.objectNode());
				}
				else {
					ignoreDraft4Ids(child);
				}
			}
		}
		else if (node != null && node.isArray()) {
			node.forEach(ClauseCatalogIT::ignoreDraft4Ids);
		}
	}

}
