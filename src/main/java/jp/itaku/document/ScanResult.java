package jp.itaku.document;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The result of a virus check of one file.
 *
 * @param status the outcome
 * @param detail the signature's name when {@link ScanStatus#INFECTED}, the reason when
 * {@link ScanStatus#FAILED}, otherwise {@code null}
 */
public record ScanResult(ScanStatus status, @Nullable String detail) {

	/**
	 * Checks the status is given.
	 * @param status the outcome
	 * @param detail the signature or reason
	 */
	public ScanResult {
		Objects.requireNonNull(status, "status");
	}

	/**
	 * Scanned and nothing found.
	 * @return the result
	 */
	public static ScanResult clean() {
		return new ScanResult(ScanStatus.CLEAN, null);
	}

	/**
	 * Scanned and a virus found.
	 * @param signature the scanner's name of what it found, e.g. {@code Eicar-Signature}
	 * @return the result
	 */
	public static ScanResult infected(String signature) {
		return new ScanResult(ScanStatus.INFECTED, signature);
	}

	/**
	 * Not scanned because no scanner is configured.
	 * @return the result
	 */
	public static ScanResult notScanned() {
		return new ScanResult(ScanStatus.NOT_SCANNED, null);
	}

	/**
	 * The scan could not be done.
	 * @param reason why, for operators (not shown to users)
	 * @return the result
	 */
	public static ScanResult failed(String reason) {
		return new ScanResult(ScanStatus.FAILED, reason);
	}

}
