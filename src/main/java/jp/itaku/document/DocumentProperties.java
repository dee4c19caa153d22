package jp.itaku.document;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How uploaded documents are stored and checked ({@code itaku.documents.*}).
 *
 * @param dir the directory of the file-system store; empty for
 * {@code ${itaku.data-dir}/documents}
 * @param maxSize the largest file accepted
 * @param allowedExtensions the file name extensions accepted, lower case without the dot
 * @param clamd the ClamAV daemon that checks every upload for viruses
 */
@ConfigurationProperties("itaku.documents")
record DocumentProperties(Path dir, @DefaultValue("20MB") DataSize maxSize, @DefaultValue( {
		"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "png", "jpg", "jpeg", "gif", "csv",
		"txt" }) List<String> allowedExtensions, @DefaultValue Clamd clamd){

	/**
	 * The ClamAV daemon.
	 *
	 * @param host its host name or address; empty for no virus checks (uploads are then
	 * marked {@link ScanStatus#NOT_SCANNED})
	 * @param port its TCP port
	 * @param connectTimeout how long to wait for a connection
	 * @param timeout how long to wait for clamd to read the file or answer
	 */
	public record Clamd(String host, @DefaultValue("3310") int port, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration timeout) {

		/**
		 * Tells whether a daemon is configured.
		 * @return whether the host is set
		 */
		public boolean configured() {
			return this.host != null && !this.host.isBlank();
		}

	}

}
