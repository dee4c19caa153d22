package jp.itaku.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.catalog.numbering.ProfileNumberingContract;

/**
 * Kadoma's profile numbers its clauses exactly as the source does, read from the source
 * text's lines: sections ({@code 3}), sub-items under a section ({@code 2(4)}) and
 * katakana items under a sub-item ({@code 7(1)ア}, {@code 14(9)オ}). Its clause texts are
 * verbatim once the duplicated "ない。" after section 5 is removed.
 */
class KadomaNumberingTests extends ProfileNumberingContract {

	private static final Pattern SECTION = Pattern.compile("^(\\d{1,2})[ \\u3000]+\\S.*");

	private static final Pattern ITEM = Pattern.compile("^\\s*(?:-\\s+)?\\((\\d{1,2})\\)\\s*\\S.*");

	private static final Pattern KATAKANA = Pattern.compile("^\\s*(?:-\\s+)?([ア-ン])[ \\u3000]+\\S.*");

	private static final Pattern DUPLICATED_NAI = Pattern.compile("(?<=ならない)\\s+ない。");

	@Override
	protected String seedFile() {
		return "001_8afa1ca460f53ee5.txt";
	}

	@Override
	protected String profileFile() {
		return "kadoma.yaml";
	}

	@Override
	protected List<String> references(String source) {
		List<String> references = new ArrayList<>();
		String section = null;
		String item = null;
		for (String line : source.split("\\R")) {
			Matcher matcher = SECTION.matcher(line);
			if (matcher.matches()) {
				section = matcher.group(1);
				item = null;
				references.add(section);
				continue;
			}
			matcher = ITEM.matcher(line);
			if (matcher.matches() && section != null) {
				item = section + "(" + matcher.group(1) + ")";
				references.add(item);
				continue;
			}
			matcher = KATAKANA.matcher(line);
			if (matcher.matches() && item != null) {
				references.add(item + matcher.group(1));
			}
		}
		return references;
	}

	/**
	 * Section 5 ends "…実施しなければならない" and the extraction repeats "ない。" on a line of its
	 * own: the sentence is "…実施しなければならない。".
	 */
	@Override
	protected String withoutArtefacts(String source) {
		return DUPLICATED_NAI.matcher(source).replaceFirst("。");
	}

}
