package jp.itaku.audit;

import jp.itaku.platform.Terminal;
import jp.itaku.platform.ItakuCommand;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operator commands of the audit trail: {@code verify-audit}, {@code purge-audit} and
 * {@code audit-checkpoint}.
 */
@Configuration(proxyBeanMethods = false)
class AuditCommands {

	@Bean
	ItakuCommand verifyAuditCommand(AuditTrail trail, Terminal terminal) {
		return new ItakuCommand() {
			@Override
			public String name() {
				return "verify-audit";
			}

			@Override
			public int run(ApplicationArguments arguments) {
				ChainVerification result = trail.verify();
				terminal.line("Audit trail: " + result.summary());
				return result.intact() ? 0 : 1;
			}
		};
	}

	@Bean
	ItakuCommand purgeAuditCommand(AuditTrail trail, Terminal terminal) {
		return new ItakuCommand() {
			@Override
			public String name() {
				return "purge-audit";
			}

			@Override
			public int run(ApplicationArguments arguments) {
				long deleted = trail.purgeExpired(null);
				terminal.line("Audit trail: purged " + deleted + " entries older than the retention period");
				return 0;
			}
		};
	}

	@Bean
	ItakuCommand auditCheckpointCommand(AuditCheckpoints checkpoints, Terminal terminal) {
		return new ItakuCommand() {
			@Override
			public String name() {
				return "audit-checkpoint";
			}

			@Override
			public int run(ApplicationArguments arguments) {
				AuditCheckpoint checkpoint = checkpoints.writeNow(null);
				terminal.line("Audit trail: checkpoint " + checkpoint.objectName() + " written");
				terminal.line("  signed text: " + checkpoint.signedText());
				terminal.line("  mac:         " + checkpoint.mac());
				return 0;
			}
		};
	}

}
