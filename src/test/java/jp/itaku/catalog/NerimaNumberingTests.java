package jp.itaku.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.catalog.numbering.ProfileNumberingContract;

/**
 * Nerima's profile (練馬区「受託情報の保護および管理に関する特記事項」) has exactly the numbering of its source
 * text: articles {@code 第N条}, paragraphs from the second as {@code 第N条第k項} (printed as a
 * full-width ２ ３ at the start of a line), items {@code ⑴…} after their paragraph and
 * katakana sub-items {@code ア…} after their item. The numbering is read from the text
 * lines alone, and each number must follow its predecessor, so that a number inside a
 * sentence cannot pass for a clause.
 */
class NerimaNumberingTests extends ProfileNumberingContract {

	private static final Pattern ARTICLE = Pattern.compile("^\\s*第([0-9０-９]+)条\\s");

	private static final Pattern PARAGRAPH = Pattern.compile("^\\s*([0-9０-９]+)\\s");

	private static final Pattern ITEM = Pattern.compile("^\\s*([\\u2474-\\u2487])\\s");

	private static final Pattern KATAKANA = Pattern.compile("^\\s*([アイウエオカキクケコサシスセソタチツテト])\\s");

	private static final String KATAKANA_ORDER = "アイウエオカキクケコサシスセソタチツテト";

	@Override
	protected String seedFile() {
		return "003_5faa1566b80232ec.txt";
	}

	@Override
	protected String profileFile() {
		return "nerima.yaml";
	}

	@Override
	protected List<String> references(String source) {
		List<String> refs = new ArrayList<>();
		int article = 0;
		int paragraph = 0;
		int item = 0;
		int katakana = 0;
		String paragraphRef = null;
		String itemRef = null;
		for (String line : source.split("\\R")) {
			Matcher matcher = ARTICLE.matcher(line);
			if (matcher.find()) {
				article = next(article, Integer.parseInt(matcher.group(1)), line);
				paragraph = 1;
				item = 0;
				paragraphRef = "第" + article + "条";
				refs.add(paragraphRef);
				continue;
			}
			matcher = PARAGRAPH.matcher(line);
			if (matcher.find()) {
				paragraph = next(paragraph, Integer.parseInt(matcher.group(1)), line);
				item = 0;
				paragraphRef = "第" + article + "条第" + paragraph + "項";
				refs.add(paragraphRef);
				continue;
			}
			matcher = ITEM.matcher(line);
			if (matcher.find()) {
				String marker = matcher.group(1);
				item = next(item, marker.charAt(0) - '\u2473', line);
				katakana = 0;
				itemRef = paragraphRef + marker;
				refs.add(itemRef);
				continue;
			}
			matcher = KATAKANA.matcher(line);
			if (matcher.find()) {
				String marker = matcher.group(1);
				katakana = next(katakana, KATAKANA_ORDER.indexOf(marker) + 1, line);
				refs.add(itemRef + marker);
			}
		}
		return refs;
	}

	private static int next(int previous, int number, String line) {
		if (number != previous + 1) {
			throw new IllegalStateException("expected number " + (previous + 1) + " but found " + number + ": " + line);
		}
		return number;
	}

}
