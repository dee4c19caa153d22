package jp.itaku.document;

import java.io.InputStream;

/**
 * The {@link VirusScanner} when none is configured ({@code itaku.documents.clamd.host}
 * empty): every file is {@link ScanStatus#NOT_SCANNED}, and the UI says so.
 */
class NoVirusScanner implements VirusScanner {

	@Override
	public ScanResult scan(InputStream content) {
		return ScanResult.notScanned();
	}

}
