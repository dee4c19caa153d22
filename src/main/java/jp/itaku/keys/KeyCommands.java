package jp.itaku.keys;

import java.util.List;
import java.util.Map;

import jp.itaku.platform.ItakuCommand;
import jp.itaku.platform.Terminal;
import jp.itaku.platform.crypto.FieldEncryptor;
import jp.itaku.platform.crypto.KeysetStillInUseException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operator commands of the field-encryption keyset: {@code rotate-keys [--batch-size=N]}
 * and {@code retire-keys}. Run them with every node stopped, then give every node the
 * keyset file they wrote.
 */
@Configuration(proxyBeanMethods = false)
class KeyCommands {

	static final int DEFAULT_BATCH_SIZE = 500;

	@Bean
	ItakuCommand rotateKeysCommand(KeyRotation rotation, FieldEncryptor encryptor, Terminal terminal) {
		return new ItakuCommand() {
			@Override
			public String name() {
				return "rotate-keys";
			}

			@Override
			public int run(ApplicationArguments arguments) {
				int batchSize = batchSize(arguments);
				if (batchSize <= 0) {
					terminal.line("rotate-keys: --batch-size must be a positive number");
					return 2;
				}
				KeyRotation.Outcome outcome = rotation.rotate(batchSize,
						(line) -> terminal.line("rotate-keys: " + line));
				long total = outcome.reencrypted().values().stream().mapToLong(Long::longValue).sum();
				terminal.line("rotate-keys: " + total + " value(s) re-encrypted; keyset fingerprint now "
						+ encryptor.fingerprint());
				if (outcome.remaining() > 0) {
					terminal.line("rotate-keys: " + outcome.remaining()
							+ " value(s) still use older keys (changed meanwhile): run rotate-keys again");
					return 1;
				}
				terminal.line("rotate-keys: done. Copy the keyset file to every node before starting them; "
						+ "remove the old keys with retire-keys when no backup that needs them is kept");
				return 0;
			}
		};
	}

	@Bean
	ItakuCommand retireKeysCommand(KeyRotation rotation, Terminal terminal) {
		return new ItakuCommand() {
			@Override
			public String name() {
				return "retire-keys";
			}

			@Override
			public int run(ApplicationArguments arguments) {
				try {
					List<String> removed = rotation.retire();
					if (removed.isEmpty()) {
						terminal.line("retire-keys: the keyset holds no old key");
						return 0;
					}
					removed.forEach((fingerprint) -> terminal.line("retire-keys: removed key " + fingerprint));
					terminal.line("retire-keys: done. Copy the keyset file to every node before starting them");
					return 0;
				}
				catch (KeysetStillInUseException ex) {
					for (Map.Entry<Long, Long> key : ex.usage().entrySet()) {
						terminal.line("retire-keys: key id " + key.getKey() + " still encrypts " + key.getValue()
								+ " stored value(s)");
					}
					terminal.line("retire-keys: nothing removed; run rotate-keys to finish re-encrypting first");
					return 1;
				}
			}
		};
	}

	static int batchSize(ApplicationArguments arguments) {
		List<String> values = arguments.getOptionValues("batch-size");
		if (values == null || values.isEmpty()) {
			return DEFAULT_BATCH_SIZE;
		}
		try {
			return Integer.parseInt(values.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
