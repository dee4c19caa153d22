package jp.itaku.demo;

import java.time.Clock;
import java.time.LocalDate;

import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.notice.NoticeForm;
import jp.itaku.notice.NoticeKind;
import jp.itaku.notice.Notices;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo notices: on the Setagaya contract the contractor reports that its information
 * security rules were revised (Setagaya 3: a change is submitted again), which raises the
 * resubmission of the rules; on the Kadoma contract the client's officer records an
 * instruction the contractor must follow and report on (Kadoma 11(2)).
 */
@Component
@Order(85)
class DemoNotices implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoNotices.class);

	private final Notices notices;

	private final DemoActors actors;

	private final Clock clock;

	DemoNotices(Notices notices, DemoActors actors, Clock clock) {
		this.notices = notices;
		this.actors = actors;
		this.clock = clock;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Actor lead = demo.lead();
		if (!this.notices.list(lead, demo.setagaya().getId()).notices().isEmpty()) {
			return;
		}
		LocalDate today = ItakuTime.today(this.clock);
		file(lead, demo.setagaya(), NoticeKind.DOCUMENT_CHANGED, Deliverable.SECURITY_RULES, today.minusDays(3),
				"情報セキュリティ規程を改定しました（第4版）。テレワーク時の端末持出しの手続と、USBメモリの利用禁止を追加しています。");
		file(this.actors.of("officer"), demo.kadoma(), NoticeKind.CLIENT_INSTRUCTION, null, today,
				"窓口端末の画面ロックを5分から3分に短縮し、設定の結果を報告してください。");
		log.info("Demo notices filed on {} and {}", demo.setagaya().getNumber(), demo.kadoma().getNumber());
	}

	private void file(Actor actor, Contract contract, NoticeKind kind, @Nullable Deliverable deliverable, LocalDate day,
			String text) {
		boolean offered = this.notices.list(actor, contract.getId())
			.offer()
			.stream()
			.anyMatch((o) -> o.kind() == kind && (deliverable == null || o.deliverables().contains(deliverable)));
		if (!offered) {
			log.warn("Demo notice {} not offered on {}", kind, contract.getNumber());
			return;
		}
		NoticeForm form = new NoticeForm();
		form.setKind(kind);
		form.setDeliverable(deliverable);
		form.setOccurredOn(day);
		form.setDescription(text);
		this.notices.file(actor, contract.getId(), form);
	}

}
