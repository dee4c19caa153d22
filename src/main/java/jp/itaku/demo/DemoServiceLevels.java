package jp.itaku.demo;

import java.util.List;

import jp.itaku.contract.Contract;
import jp.itaku.platform.Actor;
import jp.itaku.servicelevel.MeasurementForm;
import jp.itaku.servicelevel.ServiceLevels;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo service levels achieved (世田谷区 37): on the Setagaya contract, the monthly targets
 * recorded for the ended months, one of them missed (it shows on the dashboards); on the
 * Kadoma contract, last month's window waiting time.
 */
@Component
@Order(95)
class DemoServiceLevels implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoServiceLevels.class);

	private final ServiceLevels serviceLevels;

	DemoServiceLevels(ServiceLevels serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		record(demo.lead(), demo.setagaya(),
				List.of(new Value("システム稼働率", "99.95", null), new Value("障害時の初動連絡", "20分", "10月8日の夜間障害。検知から第一報まで20分。"),
						new Value("重大障害の復旧", "5時間", "10月8日の夜間障害。ストレージ交換に時間を要した。再発防止策を報告済み。"),
						new Value("問合せへの一次回答", "2時間", null)));
		record(demo.lead(), demo.kadoma(),
				List.of(new Value("窓口の待ち時間", "25分", "来庁者の95%について。"), new Value("交付誤り", "0", null)));
		log.info("Demo service levels seeded");
	}

	private void record(Actor lead, Contract contract, List<Value> values) {
		ServiceLevels.Overview overview = this.serviceLevels.overview(lead, contract.getId());
		if (!overview.mayRecord()) {
			return;
		}
		for (ServiceLevels.Row row : overview.rows()) {
			values.stream().filter((v) -> v.target().equals(row.target().getName())).findFirst().ifPresent((v) -> {
				// The latest ended period only, unless already recorded.
				if (!row.cells().isEmpty() && row.cells().get(0).measurement() == null) {
					MeasurementForm form = new MeasurementForm();
					form.setTarget(v.target());
					form.setPeriod(row.cells().get(0).period().key());
					form.setValue(v.value());
					form.setNote(v.note());
					this.serviceLevels.record(lead, contract.getId(), form);
				}
			});
		}
	}

	private record Value(String target, String value, @Nullable String note) {
	}

}
