package jp.itaku.demo;

import jp.itaku.audit.AuditCheckpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's first checkpoint of the audit chain, written once every other step has
 * seeded its entries: 改ざん検証 on the audit page (as {@code admin}, {@code secadmin} or
 * {@code auditor}) then compares the keyed chain with it, and {@code admin} writes more
 * with チェックポイントを作成. Later ones follow hourly.
 */
@Component
@Order(1000)
class DemoAuditCheckpoint implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoAuditCheckpoint.class);

	private final AuditCheckpoints checkpoints;

	DemoAuditCheckpoint(AuditCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		this.checkpoints.writeScheduled()
			.ifPresent((checkpoint) -> log.info("Demo audit checkpoint written: {}", checkpoint.objectName()));
	}

}
