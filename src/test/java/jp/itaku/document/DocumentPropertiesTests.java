package jp.itaku.document;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document settings default to what the README promises and bind from
 * {@code itaku.documents.*}.
 */
class DocumentPropertiesTests {

	private static DocumentProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("itaku.documents",
				DocumentProperties.class);
	}

	@Test
	void defaults() {
		DocumentProperties properties = bind(Map.of());
		assertThat(properties.dir()).isNull();
		assertThat(properties.maxSize()).isEqualTo(DataSize.ofMegabytes(20));
		assertThat(properties.allowedExtensions()).containsExactly("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
				"odt", "ods", "png", "jpg", "jpeg", "gif", "csv", "txt");
		assertThat(properties.clamd().configured()).isFalse();
		assertThat(properties.clamd().port()).isEqualTo(3310);
		assertThat(properties.clamd().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.clamd().timeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void bindsFromConfiguration() {
		DocumentProperties properties = bind(Map.of("itaku.documents.dir", "/srv/itaku/documents",
				"itaku.documents.max-size", "50MB", "itaku.documents.allowed-extensions", "pdf,zip",
				"itaku.documents.clamd.host", "clamav.internal", "itaku.documents.clamd.timeout", "2m"));
		assertThat(properties.dir()).isEqualTo(Path.of("/srv/itaku/documents"));
		assertThat(properties.maxSize()).isEqualTo(DataSize.ofMegabytes(50));
		assertThat(properties.allowedExtensions()).containsExactly("pdf", "zip");
		assertThat(properties.clamd().configured()).isTrue();
		assertThat(properties.clamd().timeout()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void anEmptyHostMeansNoScanner() {
		assertThat(bind(Map.of("itaku.documents.clamd.host", "")).clamd().configured()).isFalse();
	}

}
