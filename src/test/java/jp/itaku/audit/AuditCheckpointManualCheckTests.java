package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.itaku.support.ReadmeExamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's worked example of checking a checkpoint by hand: {@code openssl} prints
 * what the README says, which is the MAC Itaku computes for that checkpoint.
 */
class AuditCheckpointManualCheckTests {

	private static final Pattern EXAMPLE = Pattern.compile(
			"KEY=([0-9a-f]{64})\\nprintf '%s' '(itaku-audit-checkpoint/1 (\\S+) (\\d+) ([0-9a-f]{64}) (\\S+))' \\|");

	@Test
	void theReadmesOpensslCommandPrintsTheCheckpointsMac() throws Exception {
		String commands = ReadmeExamples.block("checkpoint-example", 0);
		String printed = ReadmeExamples.block("checkpoint-example", 1);
		Matcher example = EXAMPLE.matcher(commands);
		assertThat(example.find()).as(commands).isTrue();

		AuditCheckpoint checkpoint = new AuditCheckpoint(UUID.fromString(example.group(3)),
				Long.parseLong(example.group(4)), example.group(5), Instant.parse(example.group(6)), null, null);
		assertThat(checkpoint.signedText()).isEqualTo(example.group(2));
		Mac mac = Mac.getInstance(AuditChainKey.ALGORITHM);
		mac.init(new SecretKeySpec(HexFormat.of().parseHex(example.group(1)), AuditChainKey.ALGORITHM));
		String expected = HexFormat.of()
			.formatHex(mac.doFinal(checkpoint.signedText().getBytes(StandardCharsets.UTF_8)));
		assertThat(printed).isEqualTo(expected + " *stdin");

		assertThat(ReadmeExamples.bash(commands, null, "openssl").strip()).isEqualTo(printed);
	}

}
