package jp.itaku.document;

import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document store and the virus scanner, chosen by configuration: the file-system
 * store unless {@code itaku.documents.store=s3} selects the S3-compatible one (or another
 * {@link DocumentStore} bean is defined); {@link ClamdScanner} when
 * {@code itaku.documents.clamd.host} is set, otherwise {@link NoVirusScanner}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DocumentProperties.class, S3StoreProperties.class })
class DocumentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(DocumentStore.class)
	DocumentStore documentStore(@Value("${itaku.documents.store:filesystem}") String kind,
			DocumentProperties properties, S3StoreProperties s3, @Value("${itaku.data-dir:./data}") Path dataDir) {
		switch (kind.strip().toLowerCase(Locale.ROOT)) {
			case "filesystem":
				Path dir = (properties.dir() != null) ? properties.dir() : dataDir.resolve("documents");
				log.info("Documents are stored in {}", dir.toAbsolutePath().normalize());
				return new FileSystemDocumentStore(dir);
			case "s3":
				S3DocumentStore store = s3Store(s3, dataDir);
				log.info("Documents are stored in the S3-compatible store {}", s3);
				return store;
			default:
				throw new IllegalStateException(
						"itaku.documents.store must be 'filesystem' or 's3', not '" + kind.strip() + "'");
		}
	}

	/**
	 * Builds the S3 store and checks that its bucket answers, so that a node with a wrong
	 * endpoint, bucket or key does not start.
	 */
	static S3DocumentStore s3Store(S3StoreProperties properties, Path dataDir) {
		if (properties.bucket() == null || properties.bucket().isBlank()) {
			throw new IllegalStateException("itaku.documents.store=s3 needs itaku.documents.s3.bucket");
		}
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(properties.region()))
			.forcePathStyle(properties.pathStyleAccess())
			.credentialsProvider(credentials(properties))
			// S3-compatible servers differ in the checksums they understand: send them
			// only
			// where S3 requires them; documents carry their own SHA-256.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (properties.endpoint() != null && !properties.endpoint().toString().isBlank()) {
			builder.endpointOverride(properties.endpoint());
		}
		S3Client client = builder.build();
		try {
			client.headBucket((head) -> head.bucket(properties.bucket()));
		}
		catch (RuntimeException ex) {
			client.close();
			throw new IllegalStateException("The document bucket " + properties.bucket() + " at "
					+ ((properties.endpoint() != null) ? properties.endpoint() : "Amazon S3") + " cannot be reached: "
					+ ex.getMessage(), ex);
		}
		Path temp = (properties.tempDir() != null) ? properties.tempDir() : dataDir.resolve("documents-tmp");
		return new S3DocumentStore(client, properties.bucket(), properties.partSize().toBytes(), temp);
	}

	private static AwsCredentialsProvider credentials(S3StoreProperties properties) {
		if (properties.hasStaticCredentials()) {
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
		}
		return DefaultCredentialsProvider.builder().build();
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
