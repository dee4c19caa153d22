package jp.itaku.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Wording shared by the asset register's written forms: an asset's information flags and
 * the protection measures of a take-out or a shipment, joined with the separator of the
 * written forms ({@code asset.pdf.separator}, ・), or 「－」/「なし」 when there are none.
 */
final class AssetFormText {

	private AssetFormText() {
	}

	/**
	 * Returns an asset's flags, e.g. 重要情報・個人情報.
	 * @param e the asset's state
	 * @param text resolves a message key in Japanese
	 * @return the flags
	 */
	static String flags(AssetEvent e, Function<String, String> text) {
		List<String> flags = new ArrayList<>();
		if (e.isImportant()) {
			flags.add(text.apply("asset.flag.important"));
		}
		if (e.isPersonal()) {
			flags.add(text.apply("asset.flag.personal"));
		}
		if (e.isMyNumber()) {
			flags.add(text.apply("asset.flag.myNumber"));
		}
		return flags.isEmpty() ? text.apply("asset.flag.none") : String.join(text.apply("asset.pdf.separator"), flags);
	}

	/**
	 * Returns the protection measures declared, e.g. 暗号化・施錠できる容器.
	 * @param text resolves a message key in Japanese
	 * @param encrypted encrypted
	 * @param password password-protected
	 * @param locked in a locked container
	 * @param confidential marked 親展
	 * @param other other measures as written, or {@code null}
	 * @return the measures
	 */
	static String measures(Function<String, String> text, boolean encrypted, boolean password, boolean locked,
			boolean confidential, @Nullable String other) {
		List<String> measures = new ArrayList<>();
		if (encrypted) {
			measures.add(text.apply("asset.measure.encrypted"));
		}
		if (password) {
			measures.add(text.apply("asset.measure.password"));
		}
		if (locked) {
			measures.add(text.apply("asset.measure.lockedContainer"));
		}
		if (confidential) {
			measures.add(text.apply("asset.measure.confidential"));
		}
		if (other != null) {
			measures.add(other);
		}
		return measures.isEmpty() ? text.apply("asset.measure.none")
				: String.join(text.apply("asset.pdf.separator"), measures);
	}

}
