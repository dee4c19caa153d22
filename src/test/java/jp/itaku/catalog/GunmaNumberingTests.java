package jp.itaku.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.catalog.numbering.ProfileNumberingContract;

/**
 * Gunma's profile holds exactly the numbering of its source text: articles 第N条,
 * paragraphs from the second as 第N条第k項, items （１） and ア after their paragraph, and the
 * closing notes 注1 and 注2, read from the text lines independently of the profile.
 */
class GunmaNumberingTests extends ProfileNumberingContract {

	/** An article: 第１条, 第10条 at the start of a line. */
	private static final Pattern ARTICLE = Pattern.compile("^第([0-9０-９]+)条");

	/** A paragraph from the second on: a number at the very start of a line. */
	private static final Pattern PARAGRAPH = Pattern.compile("^([0-9０-９]+)[\\s\\u3000]");

	/** A numbered item such as （１）, kept as printed. */
	private static final Pattern NUMBERED_ITEM = Pattern.compile("^[\\s\\u3000]*(（[0-9０-９]+）)");

	/** A katakana item such as ア, followed by a space. */
	private static final Pattern KATAKANA_ITEM = Pattern.compile("^[\\s\\u3000]*([\\u30A2-\\u30F3])[\\s\\u3000]");

	/** The first closing note: 注１. */
	private static final Pattern NOTE = Pattern.compile("^注([0-9０-９]+)");

	/** A further closing note: an indented number after 注１. */
	private static final Pattern FURTHER_NOTE = Pattern.compile("^[\\s\\u3000]*([0-9０-９]+)[\\s\\u3000]");

	@Override
	protected String seedFile() {
		return "004_01834346cbdb98b3.txt";
	}

	@Override
	protected String profileFile() {
		return "gunma.yaml";
	}

	@Override
	protected List<String> references(String source) {
		List<String> refs = new ArrayList<>();
		String article = null;
		String paragraph = null;
		boolean inNotes = false;
		for (String line : source.split("\\R")) {
			Matcher matcher;
			if ((matcher = NOTE.matcher(line)).find()) {
				inNotes = true;
				refs.add("注" + number(matcher.group(1)));
			}
			else if (inNotes) {
				if ((matcher = FURTHER_NOTE.matcher(line)).find()) {
					refs.add("注" + number(matcher.group(1)));
				}
			}
			else if ((matcher = ARTICLE.matcher(line)).find()) {
				article = "第" + number(matcher.group(1)) + "条";
				paragraph = article;
				refs.add(article);
			}
			else if (article == null) {
				continue;
			}
			else if ((matcher = PARAGRAPH.matcher(line)).find()) {
				paragraph = article + "第" + number(matcher.group(1)) + "項";
				refs.add(paragraph);
			}
			else if ((matcher = NUMBERED_ITEM.matcher(line)).find() || (matcher = KATAKANA_ITEM.matcher(line)).find()) {
				refs.add(paragraph + matcher.group(1));
			}
		}
		return refs;
	}

	private static int number(String digits) {
		return Integer.parseInt(digits);
	}

}
