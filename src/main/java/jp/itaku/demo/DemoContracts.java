package jp.itaku.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.ProfileSummary;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.MeasurementPeriod;
import jp.itaku.contract.ServiceLevelMetric;
import jp.itaku.contract.ServiceLevelTargetForm;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Demo contracts: one per clause profile, each with a different scope, and submissions in
 * every state (accepted, returned, awaiting review, waived, open, overdue), so the
 * dashboard is alive on first start.
 */
@Component
class DemoContracts {

	private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);

	private final Contracts contracts;

	private final Obligations obligations;

	private final ClauseCatalog catalog;

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final DemoActors actors;

	private final List<DemoStep> steps;

	private final ContractSystemReads contractReads;

	private final EntityManager entityManager;

	DemoContracts(Contracts contracts, Obligations obligations, ClauseCatalog catalog, Organisations organisations,
			DemoActors actors, List<DemoStep> steps, OrganisationSystemReads organisationReads,
			ContractSystemReads contractReads, EntityManager entityManager) {
		this.contractReads = contractReads;
		this.entityManager = entityManager;
		this.organisationReads = organisationReads;
		this.steps = steps;
		this.contracts = contracts;
		this.obligations = obligations;
		this.catalog = catalog;
		this.organisations = organisations;
		this.actors = actors;
	}

	/**
	 * Tells whether the demo client has no contract yet: the demo's contracts are seeded
	 * once, whatever other organisations' contracts the database holds.
	 * @return whether the demo contracts are still to be seeded
	 */
	boolean isEmpty() {
		return this.contracts.list(this.actors.of("officer")).isEmpty();
	}

	void seed() {
		Actor officer = this.actors.of("officer");
		Actor lead = this.actors.of("lead");
		Actor lead2 = this.actors.of("lead2");
		Organisation mirai = this.organisationReads.findByNameUnscoped("株式会社みらいデータサービス").orElseThrow();
		Organisation sakura = this.organisationReads.findByNameUnscoped("株式会社さくら情報システム").orElseThrow();

		Contract setagaya = register(officer, "R8-情政-001", "住民記録システム運用保守業務委託", "情報政策課", mirai, "setagaya",
				LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31),
				// The system runs in the contractor's data center (see the work
				// locations):
				// Setagaya 10's approval and periodic checks apply.
				EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HANDLES_MY_NUMBER,
						ContractAttribute.DEVELOPS_OR_MAINTAINS_SYSTEM,
						ContractAttribute.SERVERS_OUTSIDE_CLIENT_PREMISES),
				List.of(percent("システム稼働率", "99.9", MeasurementPeriod.MONTHLY,
						"計画停止（事前に委託者の承認を得たもの）を除く。開庁日 8:30〜17:15 に測定する。"),
						within("障害時の初動連絡", "PT30M", MeasurementPeriod.MONTHLY, "障害の検知から委託者（情報政策課）への第一報まで。夜間・休日を含む。"),
						within("重大障害の復旧", "PT4H", MeasurementPeriod.MONTHLY, "住民記録の照会・異動処理ができない状態の解消まで。"),
						within("問合せへの一次回答", "PT4H", MeasurementPeriod.MONTHLY, "開庁時間内に受け付けた問合せ。"),
						within("緊急の修正プログラムの適用", "P7D", MeasurementPeriod.QUARTERLY, "重要度が「緊急」の脆弱性の公表から本番環境への適用まで。"),
						atMost("個人情報に係る事故", "0", MeasurementPeriod.YEARLY, null)));
		Contract kadoma = register(officer, "R8-戸籍-014", "マイナンバーカード臨時交付窓口運営業務委託（門真市特記仕様書準拠）", "戸籍住民課", mirai, "kadoma",
				LocalDate.of(2026, 6, 1), LocalDate.of(2027, 5, 31),
				EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HANDLES_MY_NUMBER,
						ContractAttribute.WORKS_AT_CLIENT_SITE),
				List.of(within("窓口の待ち時間", "PT30M", MeasurementPeriod.MONTHLY, "来庁者の95%について、受付から交付開始まで。"),
						atMost("交付誤り", "0", MeasurementPeriod.MONTHLY, "本人確認の誤り・交付物の取り違えを含む。"),
						within("苦情への初動対応", "PT1H", MeasurementPeriod.MONTHLY, "受付から委託者への報告まで。"),
						percent("来庁者アンケートの満足度", "80", MeasurementPeriod.QUARTERLY, "回答者のうち「満足」「やや満足」の割合。")));
		Contract nerima = register(officer, "R8-区民-007", "区民相談記録システムのクラウド移行業務委託（練馬区特記事項準拠）", "区民相談課", sakura, "nerima",
				LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30),
				EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.USES_CLOUD_SERVICES,
						ContractAttribute.HAS_SUBCONTRACTORS, ContractAttribute.DEVELOPS_OR_MAINTAINS_SYSTEM),
				List.of(percent("クラウドサービスの稼働率", "99.95", MeasurementPeriod.MONTHLY, "クラウド事業者の計画保守を除く。"),
						within("障害時の初動連絡", "PT1H", MeasurementPeriod.MONTHLY, null),
						within("目標復旧時間（RTO）", "P1D", MeasurementPeriod.YEARLY, "年1回の復旧訓練で確認する。"),
						within("目標復旧時点（RPO）", "PT24H", MeasurementPeriod.YEARLY, "日次バックアップから復元できること。"),
						atMost("移行データの不一致", "0", MeasurementPeriod.MONTHLY, "移行元との件数・内容の照合による。")));
		register(officer, "R8-統計-003", "統計調査票データ入力業務委託（群馬県特記事項準拠）", "統計担当", mirai, "gunma", LocalDate.of(2026, 12, 1),
				LocalDate.of(2027, 11, 30), EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION),
				List.of(percent("入力の正確性", "99.98", MeasurementPeriod.MONTHLY, "委託者の抜取検査（1,000件につき50件）による。"),
						atMost("納期の遅延", "0", MeasurementPeriod.MONTHLY, null),
						within("問合せへの回答", "P2D", MeasurementPeriod.MONTHLY, "開庁日で数える。")));

		// Every state on the Setagaya contract, the Kadoma one half way, the Nerima one
		// with a return.
		List<Obligation> start = startObligations(officer, setagaya);
		accept(officer, lead, start, 0, 4);
		returned(officer, lead, start, 4, "従事者名簿に個人情報を取り扱う者の業務執行場所の記載がありません。追記して再提出してください。");
		submitted(lead, start, 5, 7);
		if (start.size() > 7) {
			this.obligations.waive(officer, start.get(7).getId(), "本契約では該当するシステムを使用しないため");
		}
		List<Obligation> kadomaStart = startObligations(officer, kadoma);
		accept(officer, lead, kadomaStart, 0, 2);
		submitted(lead, kadomaStart, 2, 3);
		List<Obligation> nerimaStart = startObligations(officer, nerima);
		returned(officer, lead2, nerimaStart, 0, "クラウド事業者との契約条件（データ保存場所）を明記してください。");
		submitted(lead2, nerimaStart, 1, 2);
		log.info("Demo contracts seeded with submissions in every state");
		DemoStep.DemoContractsSeeded seeded = settled(
				new DemoStep.DemoContractsSeeded(lead, lead2, setagaya, kadoma, nerima));
		for (DemoStep step : this.steps) {
			step.seed(seeded);
			seeded = settled(seeded);
		}
	}

	/**
	 * Writes what the seed has made so far and empties the persistence context, then
	 * gives the steps that follow their contracts read again. The seed is one
	 * transaction: without this, every query of every later step would first flush and
	 * dirty-check every entity seeded before it (Hibernate's auto-flush), a quarter of
	 * the seed's time at the cold start.
	 */
	private DemoStep.DemoContractsSeeded settled(DemoStep.DemoContractsSeeded demo) {
		this.entityManager.flush();
		this.entityManager.clear();
		return new DemoStep.DemoContractsSeeded(demo.lead(), demo.lead2(), reread(demo.setagaya()),
				reread(demo.kadoma()), reread(demo.nerima()));
	}

	private Contract reread(Contract contract) {
		return this.contractReads.findUnscoped(contract.getId()).orElseThrow();
	}

	private Contract register(Actor officer, String number, String title, String department, Organisation contractor,
			String profileCode, LocalDate start, LocalDate end, Set<ContractAttribute> attributes,
			List<ServiceLevelTargetForm> serviceLevelTargets) {
		ProfileSummary profile = this.catalog.profiles()
			.stream()
			.filter((p) -> p.code().equals(profileCode))
			.findFirst()
			.orElseThrow();
		ContractForm form = new ContractForm();
		form.setNumber(number);
		form.setTitle(title);
		form.setClientDepartment(department);
		form.setContractorOrganisationId(contractor.getId());
		form.setProfileId(profile.id());
		form.setPeriodStart(start);
		form.setPeriodEnd(end);
		form.setAttributes(new ArrayList<>(attributes));
		// The Gunma contract's designated places (Gunma 第5条): working anywhere else needs
		// the prefecture's prior approval (see DemoApprovals).
		form.setWorkLocations(profileCode.equals("gunma") ? "受託者 本社\n委託者 庁舎内 受託者作業室"
				: "世田谷区役所 第2庁舎 3階 受託者作業室\n受託者 東京データセンター（所在地は別紙）");
		// 定期報告: monthly, as the demo contracts agree (the profiles say only
		// "periodically").
		form.setReportingInterval("P1M");
		form.setServiceLevels("毎月10日までに前月のサービスレベルの達成状況を書面で報告する。\n目標を下回った場合は、原因と改善策を併せて報告し、委託者の確認を受ける。");
		form.setServiceLevelTargets(new ArrayList<>(serviceLevelTargets));
		form.setClientContact("情報政策課 情報セキュリティ担当 03-0000-0000");
		form.setContractorContact("統括責任者 受託 太郎 090-0000-0000（夜間・休日も可）");
		Contract contract = this.contracts.register(officer, form);
		this.contracts.activate(officer, contract.getId());
		return contract;
	}

	private static ServiceLevelTargetForm percent(String name, String target, MeasurementPeriod period, String notes) {
		return new ServiceLevelTargetForm(name, ServiceLevelMetric.PERCENT_MIN, target, period, notes);
	}

	private static ServiceLevelTargetForm within(String name, String target, MeasurementPeriod period,
			@Nullable String notes) {
		return new ServiceLevelTargetForm(name, ServiceLevelMetric.DURATION_MAX, target, period, notes);
	}

	private static ServiceLevelTargetForm atMost(String name, String target, MeasurementPeriod period,
			@Nullable String notes) {
		return new ServiceLevelTargetForm(name, ServiceLevelMetric.COUNT_MAX, target, period, notes);
	}

	private List<Obligation> startObligations(Actor officer, Contract contract) {
		return this.obligations.forContract(officer, contract.getId())
			.stream()
			.filter((o) -> "START".equals(o.getPeriodKey()) && o.getStatus() == ObligationStatus.OPEN)
			.toList();
	}

	private void accept(Actor officer, Actor lead, List<Obligation> list, int from, int to) {
		for (int i = from; i < Math.min(to, list.size()); i++) {
			var submission = submit(lead, list.get(i));
			this.obligations.review(officer, submission.getId(), true, "内容を確認しました。");
		}
	}

	private void returned(Actor officer, Actor lead, List<Obligation> list, int index, String comment) {
		if (index < list.size()) {
			var submission = submit(lead, list.get(index));
			this.obligations.review(officer, submission.getId(), false, comment);
		}
	}

	private void submitted(Actor lead, List<Obligation> list, int from, int to) {
		for (int i = from; i < Math.min(to, list.size()); i++) {
			submit(lead, list.get(i));
		}
	}

	private Submission submit(Actor lead, Obligation obligation) {
		String name = obligation.getClauseRef().replaceAll("[^0-9A-Za-z]", "_") + "_"
				+ obligation.getDeliverable().name().toLowerCase(Locale.ROOT) + ".pdf";
		byte[] pdf = ("%PDF-1.4\n% Itaku demo: " + obligation.getSummary() + "\n%%EOF\n")
			.getBytes(StandardCharsets.UTF_8);
		return this.obligations.submit(lead, obligation.getId(), "別添のとおり提出します。",
				List.of(new Obligations.Upload(name, "application/pdf", new ByteArrayResource(pdf))));
	}

}
