package jp.itaku.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

import jp.itaku.contract.Contract;
import jp.itaku.incident.Incident;
import jp.itaku.incident.IncidentCategory;
import jp.itaku.incident.IncidentForm;
import jp.itaku.incident.Incidents;
import jp.itaku.incident.Publication;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo incidents: on the Setagaya contract a mis-sent fax reported 40 minutes after
 * detection, acknowledged by {@code secadmin}, with the contractor's update, the client's
 * instruction, the cause and recurrence prevention, the publication decision and the
 * closure; on the Kadoma contract a suspected leak (a lost USB medium) reported 90
 * minutes after detection, in time by Kadoma 12(2)'s 速やかに, and not yet acknowledged, so
 * the banner shows for the client's users on first start. Each report is due by its own
 * clause's term, never before its detection, whatever the day.
 */
@Component
@Order(80)
class DemoIncidents implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

	private final Incidents incidents;

	private final DemoActors actors;

	private final Clock clock;

	DemoIncidents(Incidents incidents, DemoActors actors, Clock clock) {
		this.incidents = incidents;
		this.actors = actors;
		this.clock = clock;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Actor lead = demo.lead();
		if (!this.incidents.list(lead, demo.setagaya().getId()).incidents().isEmpty()
				|| !this.incidents.list(lead, demo.kadoma().getId()).incidents().isEmpty()) {
			return;
		}
		Actor secadmin = this.actors.of("secadmin");
		closedIncident(lead, secadmin, demo.setagaya());
		openIncident(lead, demo.kadoma());
		log.info("Demo incidents seeded on {} and {}", demo.setagaya().getNumber(), demo.kadoma().getNumber());
	}

	private void closedIncident(Actor lead, Actor secadmin, Contract contract) {
		if (!this.incidents.mayReport(lead, contract)) {
			return;
		}
		IncidentForm form = new IncidentForm();
		form.setCategory(IncidentCategory.LEAK);
		form.setDetectedAt(minutesAgo(40));
		form.setLocation("受託者作業室（世田谷区役所 第2庁舎 3階）");
		form.setDescription("住民異動届の処理結果通知1枚を、区民情報課ではなく誤った番号にファクス送信した。送信先は区内の事業者で、受信を確認済み。");
		form.setInformation("氏名、住所、異動日");
		form.setRecordCount(1);
		form.setContainment("送信先に電話で連絡し、受信紙の廃棄を依頼。ファクスの短縮ダイヤルを停止した。");
		Incident incident = this.incidents.report(lead, contract.getId(), form);
		this.incidents.acknowledge(secadmin, incident.getId());
		this.incidents.addUpdate(lead, incident.getId(), "送信先の事業者から、受信紙をシュレッダーで廃棄した旨の書面を受領しました。");
		this.incidents.instruct(secadmin, incident.getId(), "対象の区民への説明は区が行います。経緯と再発防止策を本日中に記録してください。");
		this.incidents.recordCause(lead, incident.getId(), "短縮ダイヤルの登録番号が1桁誤っており、送信前の番号確認を一人で行っていた。",
				"ファクス送信を原則廃止し、やむを得ない場合は二人で番号を読み合わせてから送信する。短縮ダイヤルの登録を全件点検した。");
		this.incidents.decidePublication(secadmin, incident.getId(), Publication.NOT_PUBLISH,
				"送信先で廃棄が確認され、二次被害のおそれがないため。");
		this.incidents.close(secadmin, incident.getId(), "廃棄の確認と再発防止策の実施を確認した。");
	}

	private void openIncident(Actor lead, Contract contract) {
		if (!this.incidents.mayReport(lead, contract)) {
			return;
		}
		IncidentForm form = new IncidentForm();
		form.setCategory(IncidentCategory.LOSS);
		form.setSuspected(true);
		form.setDetectedAt(minutesAgo(90));
		form.setLocation("マイナンバーカード臨時交付窓口（門真市役所 別館1階）");
		form.setDescription("交付予約者一覧を保存した暗号化USBメモリが、閉庁後の点検で所定の保管庫に見当たらない。窓口内を捜索中。");
		form.setInformation("交付予約者の氏名、予約日時、受付番号");
		form.setRecordCount(214);
		form.setContainment("窓口と保管庫の出入りを止め、当日の従事者に聞き取りを開始した。");
		this.incidents.report(lead, contract.getId(), form);
	}

	private LocalDateTime minutesAgo(long minutes) {
		return ItakuTime.inTokyo(Instant.now(this.clock).minusSeconds(minutes * 60))
			.toLocalDateTime()
			.withSecond(0)
			.withNano(0);
	}

}
