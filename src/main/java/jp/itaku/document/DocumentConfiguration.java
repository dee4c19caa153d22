package jp.itaku.document;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document store and the virus scanner, chosen by configuration: the file-system
 * store unless another {@link DocumentStore} bean is defined; {@link ClamdScanner} when
 * {@code itaku.documents.clamd.host} is set, otherwise {@link NoVirusScanner}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(DocumentStore.class)
	FileSystemDocumentStore fileSystemDocumentStore(DocumentProperties properties,
			@Value("${itaku.data-dir:./data}") Path dataDir) {
		Path dir = (properties.dir() != null) ? properties.dir() : dataDir.resolve("documents");
		return new FileSystemDocumentStore(dir);
	}

	@Bean
	@ConditionalOnMissingBean(VirusScanner.class)
	VirusScanner virusScanner(DocumentProperties properties) {
		DocumentProperties.Clamd clamd = properties.clamd();
		if (!clamd.configured()) {
			log.warn("No virus scanner is configured (itaku.documents.clamd.host is empty): "
					+ "uploaded documents are marked as not scanned");
			return new NoVirusScanner();
		}
		ClamdScanner scanner = new ClamdScanner(clamd.host().strip(), clamd.port(), clamd.connectTimeout(),
				clamd.timeout());
		log.info("Uploaded documents are scanned by {}", scanner);
		return scanner;
	}

}
