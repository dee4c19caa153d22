package jp.itaku.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.logevidence.LogEvidence;
import jp.itaku.logevidence.LogFormat;
import jp.itaku.logevidence.LogMapping;
import jp.itaku.logevidence.LogSettings;
import jp.itaku.logevidence.LogSource;
import jp.itaku.platform.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo log evidence on the Kadoma contract (門真市 4, 14(8)): a source (the window
 * terminal's CSV log), the client's settings (searching by 住民票コード forbidden), and one
 * accepted batch of last month with three findings: a search by 住民票コード, an ID nobody was
 * issued, and the operator ID of the worker who left at the end of last month used this
 * month.
 */
@Component
@Order(120)
class DemoLogEvidence implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoLogEvidence.class);

	private final LogEvidence logs;

	private final WorkingCalendar calendar;

	private final DemoActors actors;

	DemoLogEvidence(LogEvidence logs, WorkingCalendar calendar, DemoActors actors) {
		this.logs = logs;
		this.calendar = calendar;
		this.actors = actors;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Contract contract = demo.kadoma();
		Actor lead = this.actors.of("lead");
		Actor officer = this.actors.of("officer");
		LogEvidence.Overview overview = this.logs.overview(lead, contract.getId());
		if (!overview.batches().isEmpty()) {
			return;
		}
		this.logs.saveSettings(officer, contract.getId(),
				new LogSettings(12, "search:住民票コード", LocalTime.of(7, 30), LocalTime.of(20, 0), 500, 5, 10, 300, false));
		LogSource source = overview.sources().isEmpty()
				? this.logs.addSource(lead, contract.getId(), "窓口端末（住民記録システム）", LogFormat.CSV,
						new LogMapping("日時", "操作者ID", "操作", "対象", "結果", "端末", List.of("画面")), "Asia/Tokyo")
				: overview.sources().get(0);
		LocalDate today = this.calendar.today();
		LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
		List<String> lines = new ArrayList<>();
		for (int d = 3; d <= 7; d++) {
			LocalDate day = lastMonth.withDayOfMonth(d);
			lines.add(line(day, "09:05:12", "KDM-OP-2101", "login", "", "success", "ログイン"));
			lines.add(line(day, "09:31:40", "KDM-OP-2101", "search", "個人番号=********1234", "success", "住民照会"));
			lines.add(line(day, "10:02:05", "KDM-OP-2102", "issue", "交付番号=" + (4000 + d), "success", "カード交付"));
			if (d == 5) {
				lines.add(line(day, "11:15:33", "KDM-OP-2101", "search", "住民票コード=12345678901", "success", "住民照会"));
				lines.add(line(day, "14:40:00", "KDM-OP-9999", "search", "氏名=門真 太郎", "success", "住民照会"));
			}
			lines.add(line(day, "17:20:48", "KDM-OP-2101", "logout", "", "success", "ログアウト"));
		}
		LocalDate afterLeaving = today.withDayOfMonth(1);
		lines.add(line(afterLeaving, "09:12:00", "KDM-OP-2201", "login", "", "success", "ログイン"));
		String csv = "日時,操作者ID,操作,対象,結果,端末,画面\n" + String.join("\n", lines) + "\n";
		LogEvidence.Received received = this.logs.ingest(lead, contract.getId(), source.id(),
				"madoguchi-" + lastMonth.toString().substring(0, 7) + ".csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
		log.info("Demo log evidence seeded on {}: batch {} with {} findings", contract.getNumber(),
				received.batch().getStatus(), (received.checks() != null) ? received.checks().found() : 0);
	}

	private static String line(LocalDate day, String time, String user, String action, String target, String result,
			String screen) {
		return day + " " + time + "," + user + "," + action + "," + target + "," + result + ",MADO-PC-03," + screen;
	}

}
