package jp.itaku.document;

import java.io.InputStream;

/**
 * Checks content for viruses before it is kept (Setagaya clause 21: virus checks keep
 * viruses from entering and spreading; Nerima 第18条⑷キ: media are checked before they are
 * connected). {@link ClamdScanner} asks a ClamAV daemon; {@link NoVirusScanner} says
 * honestly that nothing was checked.
 */
interface VirusScanner {

	/**
	 * Scans content. Never throws for a scanner that cannot be reached: that is a
	 * {@link ScanStatus#FAILED} result.
	 * @param content the content; read but not closed
	 * @return the result
	 */
	ScanResult scan(InputStream content);

}
