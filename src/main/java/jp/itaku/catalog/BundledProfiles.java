package jp.itaku.catalog;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the profiles shipped with the application at start-up, before the web server
 * opens. An invalid file stops start-up with an error naming the file, the line and the
 * field.
 */
@Component
@EnableConfigurationProperties(CatalogProperties.class)
class BundledProfiles implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BundledProfiles.class);

	private final ProfileParser parser;

	private final ClauseCatalog catalog;

	private final CatalogProperties properties;

	BundledProfiles(ProfileParser parser, ClauseCatalog catalog, CatalogProperties properties) {
		this.parser = parser;
		this.catalog = catalog;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			Resource[] files = bundledFiles();
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			for (Resource file : files) {
				String content = file.getContentAsString(StandardCharsets.UTF_8);
				ProfileDefinition definition = this.parser.parse(file.getFilename(), content, Locale.JAPANESE);
				StoredProfile stored = this.catalog.loadBundled(file.getFilename(), content, definition);
				log.info("Clause profile {} version {} ready ({} clauses, {} requirements)", stored.code(),
						stored.version(), definition.clauses().size(), stored.requirementCount());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the bundled clause profiles " + this.properties.bundled(), ex);
		}
	}

	private Resource[] bundledFiles() throws IOException {
		try {
			return new PathMatchingResourcePatternResolver().getResources(this.properties.bundled());
		}
		catch (FileNotFoundException ex) {
			log.warn("No bundled clause profiles at {}", this.properties.bundled());
			return new Resource[0];
		}
	}

}
