package jp.itaku.document;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The S3-compatible object store that holds the documents when
 * {@code itaku.documents.store=s3} ({@code itaku.documents.s3.*}).
 *
 * @param endpoint the store's address, e.g. {@code https://s3.example.jp}; empty for
 * Amazon S3 itself
 * @param region the region the bucket is in (any name for most S3-compatible servers)
 * @param bucket the bucket; it must exist
 * @param pathStyleAccess address the bucket as {@code endpoint/bucket} rather than
 * {@code bucket.endpoint} (most S3-compatible servers need it)
 * @param accessKeyId the access key; empty to take credentials from the SDK's default
 * chain (environment, profile, instance role)
 * @param secretAccessKey the secret key that goes with {@code accessKeyId}
 * @param partSize the size of the parts in which large objects are uploaded (at least
 * 5MB); one part at a time is held in memory per upload
 * @param tempDir where an upload is spooled while its SHA-256 is computed, on this node;
 * empty for {@code ${itaku.data-dir}/documents-tmp}
 */
@ConfigurationProperties("itaku.documents.s3")
record S3StoreProperties(URI endpoint, @DefaultValue("us-east-1") String region, String bucket, boolean pathStyleAccess,
		String accessKeyId, String secretAccessKey, @DefaultValue("8MB") DataSize partSize, Path tempDir) {

	/** S3's smallest part of a multipart upload (except the last). */
	static final long MIN_PART_SIZE = 5L * 1024 * 1024;

	/**
	 * Tells whether credentials are given here rather than taken from the SDK's chain.
	 * @return whether both keys are set
	 */
	public boolean hasStaticCredentials() {
		return this.accessKeyId != null && !this.accessKeyId.isBlank() && this.secretAccessKey != null
				&& !this.secretAccessKey.isBlank();
	}

	@Override
	public String toString() {
		return "S3StoreProperties[endpoint=" + this.endpoint + ", region=" + this.region + ", bucket=" + this.bucket
				+ ", pathStyleAccess=" + this.pathStyleAccess + ", credentials="
				+ (hasStaticCredentials() ? "static" : "default chain") + ", partSize=" + this.partSize + "]";
	}

}
