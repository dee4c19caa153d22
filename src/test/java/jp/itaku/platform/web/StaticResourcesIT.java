package jp.itaku.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static resources are linked under names that carry a hash of their content and cached
 * for a year: a changed file gets a new name, so no browser keeps a stale one. Only the
 * static folders are static paths.
 */
@IntegrationTest
class StaticResourcesIT {

	private static final Pattern STYLESHEET = Pattern.compile("/css/itaku-([0-9a-f]{32})\\.css");

	@Autowired
	MockMvc mvc;

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void pagesLinkContentHashedResourcesThatAreCachedForAYear() throws Exception {
		String page = this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher link = STYLESHEET.matcher(page);
		assertThat(link.find()).as("a hashed stylesheet link in %s", page).isTrue();
		assertThat(page).doesNotContain("href=\"/css/itaku.css\"");

		byte[] css = this.mvc.perform(get(link.group()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] plain = this.mvc.perform(get("/css/itaku.css"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(css).isEqualTo(plain);
	}

	@Test
	void onlyTheStaticFoldersAreStaticPathsSoAPageLinkIsNeverLookedUpAsAFile() {
		// With a catch-all /** every link a page renders (/contracts/...) was looked up
		// in every jar of the class path, each time.
		assertThat(this.resourceUrls.getHandlerMap().keySet().stream().map(Object::toString))
			.containsExactlyInAnyOrder("/css/**", "/js/**", "/img/**");
		assertThat(this.resourceUrls.getForLookupPath("/contracts/0123")).isNull();
		assertThat(this.resourceUrls.getForLookupPath("/js/itaku.js")).matches("/js/itaku-[0-9a-f]{32}\\.js");
	}

	@Test
	void aNameWithAnotherHashIsNotServed() throws Exception {
		this.mvc.perform(get("/css/itaku-0123456789abcdef0123456789abcdef.css")).andExpect(status().isNotFound());
	}

}
