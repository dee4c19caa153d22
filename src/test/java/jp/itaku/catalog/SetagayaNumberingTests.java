package jp.itaku.catalog;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jp.itaku.catalog.numbering.ProfileNumberingContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setagaya's profile (世田谷区, seed 000) has exactly the numbering of its source: items
 * {@code １}…{@code 38} (written {@code 1}…{@code 38}), sub-items {@code (n)} and circled
 * numbers, each read from the start of a line of the text.
 */
class SetagayaNumberingTests extends ProfileNumberingContract {

	/** An item: full-width or ASCII digits at the start of a line, then a space. */
	private static final Pattern ITEM = Pattern.compile("^([0-9０-９]+)[ \\u3000]+\\S");

	/** A sub-item: {@code (n)} at the start of a line. */
	private static final Pattern SUB_ITEM = Pattern.compile("^\\((\\d+)\\)[ \\u3000]*\\S");

	/** A circled number ({@code ①}…{@code ⑳}) at the start of a line. */
	private static final Pattern CIRCLED = Pattern.compile("^([\\u2460-\\u2473])[ \\u3000]*\\S");

	/** The image placeholder the extraction left after item 38. */
	private static final String IMAGE_PLACEHOLDER = "[image: image1.png]";

	@Override
	protected String seedFile() {
		return "000_4c122c01e805a8ea.txt";
	}

	@Override
	protected String profileFile() {
		return "setagaya.yaml";
	}

	@Override
	protected List<String> references(String source) {
		List<String> references = new ArrayList<>();
		String item = null;
		String subItem = null;
		for (String line : source.lines().toList()) {
			Matcher matcher = ITEM.matcher(line);
			if (matcher.find()) {
				item = Normalizer.normalize(matcher.group(1), Normalizer.Form.NFKC);
				subItem = null;
				references.add(item);
				continue;
			}
			matcher = SUB_ITEM.matcher(line);
			if (matcher.find() && item != null) {
				subItem = item + "(" + matcher.group(1) + ")";
				references.add(subItem);
				continue;
			}
			matcher = CIRCLED.matcher(line);
			if (matcher.find() && subItem != null) {
				references.add(subItem + matcher.group(1));
			}
		}
		return references;
	}

	@Test
	void theSourceNumbersItemsOneToThirtyEightWithoutGaps() throws IOException {
		List<String> items = references(source()).stream().filter((ref) -> ref.matches("\\d+")).toList();
		assertThat(items).containsExactlyElementsOf(IntStream.rangeClosed(1, 38).mapToObj(String::valueOf).toList());
	}

	@Override
	protected String withoutArtefacts(String source) {
		return source.replace(IMAGE_PLACEHOLDER, "");
	}

}
