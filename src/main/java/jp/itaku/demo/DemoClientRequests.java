package jp.itaku.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.itaku.clientrequest.ClientRequestForm;
import jp.itaku.clientrequest.ClientRequests;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Demo requests for reports and material (報告・資料の請求): on the Nerima contract the officer
 * asks for the report on the subcontractors' compliance (第22条第2項), the contractor's lead
 * ({@code lead2}, Nerima's contractor) answers it and the officer accepts it; on the
 * Gunma contract the officer asks for the past three months of access logs (第9条イ), still
 * open, which its contractor ({@code lead}) can answer with Itaku's own log export; on
 * the Kadoma contract a request aimed at the subcontractor of {@code sublead}, owed by
 * it.
 */
@Component
@Order(125)
class DemoClientRequests implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoClientRequests.class);

	private final ClientRequests requests;

	private final Obligations obligations;

	private final Contracts contracts;

	private final DemoActors actors;

	private final Clock clock;

	DemoClientRequests(ClientRequests requests, Obligations obligations, Contracts contracts, DemoActors actors,
			Clock clock) {
		this.requests = requests;
		this.obligations = obligations;
		this.contracts = contracts;
		this.actors = actors;
		this.clock = clock;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Actor officer = this.actors.of("officer");
		if (!this.requests.list(officer, demo.nerima().getId()).requests().isEmpty()) {
			return;
		}
		LocalDate today = ItakuTime.today(this.clock);
		ClientRequests.@Nullable Requested supervision = request(officer, demo.nerima(), "第22条第2項",
				"クラウド事業者以外の再委託先（第1次）における本特記事項の遵守状況を、直近の実地確認の結果とともに報告してください。", today.plusDays(10), null, null);
		if (supervision != null) {
			Obligation obligation = supervision.raised().get(0);
			Submission submission = this.obligations.submit(demo.lead2(), obligation.getId(),
					"第1次再委託先の遵守状況の報告書です。11月の実地確認では指摘事項はありませんでした。",
					List.of(new Obligations.Upload("再委託先遵守状況報告.txt", "text/plain",
							new ByteArrayResource(
									"再委託先遵守状況報告\n実施日：11月20日\n確認者：さくら情報システム 情報セキュリティ責任者\n結果：入退室管理・持出し記録・従事者名簿に不備なし\n"
										.getBytes(StandardCharsets.UTF_8)))));
			this.obligations.review(officer, submission.getId(), true, "報告を確認しました。");
		}
		this.contracts.list(officer)
			.stream()
			.filter((c) -> "R8-統計-003".equals(c.getNumber()))
			.findFirst()
			.ifPresent((gunma) -> request(officer, gunma, "第9条イ", "統計調査票入力システムのアクセスログ及びイベントログを、過去3か月分提出してください。",
					today.plusDays(14), today.minusMonths(3), today.minusDays(1)));
		askTheSubcontractor(officer, demo.kadoma(), today);
		log.info("Demo requests for reports and material made on {}", demo.nerima().getNumber());
	}

	/**
	 * On the Kadoma contract, a request aimed at the approved subcontractor of the first
	 * level (有限会社あおば入力センター, {@code sublead}): the obligation is owed by it, open on its
	 * list and inbox, and followed by the contractor ({@code lead}).
	 */
	private void askTheSubcontractor(Actor officer, Contract kadoma, LocalDate today) {
		ClientRequests.ContractRequests list = this.requests.list(officer, kadoma.getId());
		var subcontractor = list.chain().stream().filter((m) -> m.level() == 1).findFirst();
		var offered = list.offer()
			.stream()
			.filter((r) -> r.clauseRef().equals("8(5)"))
			.findFirst()
			.or(() -> list.offer().stream().findFirst());
		if (subcontractor.isEmpty() || offered.isEmpty()) {
			log.warn("Demo request to a subcontractor not made on {}", kadoma.getNumber());
			return;
		}
		ClientRequestForm form = new ClientRequestForm();
		form.setRequirement(offered.get().key());
		form.setDescription("再委託先として、臨時交付窓口の入力作業における本特記事項の遵守状況（入退室・持出し・従事者の管理）を報告してください。");
		form.setDueOn(today.plusDays(12));
		form.setSubcontractor(subcontractor.get().organisationId());
		this.requests.request(officer, kadoma.getId(), form);
	}

	private ClientRequests.@Nullable Requested request(Actor officer, Contract contract, String clause,
			String description, LocalDate dueOn, @Nullable LocalDate from, @Nullable LocalDate to) {
		var offered = this.requests.list(officer, contract.getId())
			.offer()
			.stream()
			.filter((r) -> r.clauseRef().equals(clause))
			.findFirst();
		if (offered.isEmpty()) {
			log.warn("Demo request under {} not offered on {}", clause, contract.getNumber());
			return null;
		}
		ClientRequestForm form = new ClientRequestForm();
		form.setRequirement(offered.get().key());
		form.setDescription(description);
		form.setDueOn(dueOn);
		form.setPeriodFrom(from);
		form.setPeriodTo(to);
		return this.requests.request(officer, contract.getId(), form);
	}

}
