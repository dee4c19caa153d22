package jp.itaku.reminder;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word of a reminder mail is in both languages: the keys the mail template and the
 * code name exist in {@code reminder-labels}, and the patterns format.
 */
class ReminderLabelsTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	@Test
	void everyKeyOfTheTemplateAndOfEachKindExistsInBothLanguages() throws IOException {
		for (String bundle : new String[] { "reminder-labels.properties", "reminder-labels_en.properties" }) {
			Properties labels = load(bundle);
			Matcher keys = TEMPLATE_KEY
				.matcher(Files.readString(Path.of("src/main/resources/templates/mail/reminder.txt")));
			while (keys.find()) {
				assertThat(labels).as(bundle).containsKey(keys.group(1));
			}
			for (ReminderKind kind : ReminderKind.values()) {
				assertThat(labels).as(bundle).containsKeys("reminder.subject." + kind, "reminder.lead." + kind);
			}
		}
	}

	@Test
	void subjectsSayHowManyDaysAreLeft() throws IOException {
		Properties japanese = load("reminder-labels.properties");
		Properties english = load("reminder-labels_en.properties");
		Object[] inThreeDays = { "従事者名簿", "R7-001", 3 };
		assertThat(new MessageFormat(japanese.getProperty("reminder.subject.BEFORE_DUE"), Locale.JAPANESE)
			.format(inThreeDays)).isEqualTo("【Itaku】提出期限まであと3日です：従事者名簿（契約番号 R7-001）");
		assertThat(new MessageFormat(english.getProperty("reminder.subject.BEFORE_DUE"), Locale.ENGLISH)
			.format(new Object[] { "Roster", "R7-001", 1 }))
			.isEqualTo("[Itaku] Due in 1 day: Roster (contract R7-001)");
		assertThat(new MessageFormat(japanese.getProperty("reminder.lead.BEFORE_DUE"), Locale.JAPANESE)
			.format(new Object[] { 0 })).startsWith("次の書面は、本日が提出期限です。");
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
