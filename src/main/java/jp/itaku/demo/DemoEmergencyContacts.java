package jp.itaku.demo;

import java.util.ArrayList;
import java.util.List;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.emergency.EmergencyContactInput;
import jp.itaku.emergency.EmergencyContactListForm;
import jp.itaku.emergency.EmergencyContacts;
import jp.itaku.platform.Actor;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo emergency contact lists (fictional names, 03-0000-xxxx numbers): the Kadoma
 * contract's list submitted and then changed (a change notice, version 2); the Setagaya
 * contract's list taken over with a confirmation four months old, so its page and the
 * contract page show 要確認; the Nerima contract's list submitted under a profile that asks
 * for no such submission.
 */
@Component
@Order(50)
class DemoEmergencyContacts implements DemoStep {

	private final EmergencyContacts contacts;

	private final WorkingCalendar calendar;

	DemoEmergencyContacts(EmergencyContacts contacts, WorkingCalendar calendar) {
		this.contacts = contacts;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		seed(demo.lead(), demo.lead2(), demo.setagaya(), demo.kadoma(), demo.nerima());
	}

	private void seed(Actor lead, Actor lead2, Contract setagaya, Contract kadoma, Contract nerima) {
		EmergencyContactListForm kadomaList = form(
				line("1", "受託 太郎", "株式会社みらいデータサービス 公共事業部", "統括責任者", "03-0000-1001", "090-0000-1001",
						"taro.jutaku@example.jp", "24時間（夜間・休日は携帯電話）", true, "事故・障害は時間帯を問わず第1順位へ"),
				line("2", "作業 次郎", "株式会社みらいデータサービス 窓口運営課", "業務責任者", "03-0000-1002", null, "jiro.sagyo@example.jp",
						"平日 8:30〜17:15", false, null),
				line("3", "運用 三子", "株式会社みらいデータサービス 運用監視センター", "センター長", "03-0000-1099", "080-0000-1003", null,
						"夜間・休日（17:15〜翌8:30）", true, "第1順位に連絡がつかない場合"));
		this.contacts.save(lead, kadoma.getId(), kadomaList);
		this.contacts.submit(lead, kadoma.getId(), null);
		kadomaList.getEntries().get(1).setPhone("03-0000-1012");
		kadomaList.getEntries().get(1).setNotes("内線 12");
		this.contacts.save(lead, kadoma.getId(), kadomaList);
		this.contacts.submit(lead, kadoma.getId(), "業務責任者の電話番号が変わりました。");

		this.contacts.takeOver(lead, setagaya.getId(),
				form(line("1", "受託 太郎", "株式会社みらいデータサービス 公共事業部", "統括責任者", "03-0000-2001", "090-0000-2001",
						"taro.jutaku@example.jp", "平日 9:00〜17:45／夜間・休日は携帯電話", true, null),
						line("2", "保守 五郎", "株式会社みらいデータサービス システム保守課", "主任", "03-0000-2002", "070-0000-2002",
								"goro.hoshu@example.jp", "平日 9:00〜17:45", false, "住民記録システムの障害窓口")),
				this.calendar.today().minusMonths(4));

		EmergencyContactListForm nerimaList = form(
				line("1", "桜 三郎", "株式会社さくら情報システム クラウド事業部", "統括責任者", "06-0000-3001", "090-0000-3001",
						"saburo.sakura@example.jp", "24時間", true, null),
				line("2", "桜 四季", "株式会社さくら情報システム サポートデスク", null, "0120-000-301", null, null, "平日 9:00〜18:00", false,
						"フリーダイヤル"));
		this.contacts.save(lead2, nerima.getId(), nerimaList);
		this.contacts.submit(lead2, nerima.getId(), null);
	}

	private static EmergencyContactListForm form(EmergencyContactInput... lines) {
		EmergencyContactListForm form = new EmergencyContactListForm();
		form.setEntries(new ArrayList<>(List.of(lines)));
		return form;
	}

	private static EmergencyContactInput line(String priority, String name, String department,
			@Nullable String jobTitle, String phone, @Nullable String mobile, @Nullable String email, String hours,
			boolean outOfHours, @Nullable String notes) {
		EmergencyContactInput line = new EmergencyContactInput();
		line.setPriority(priority);
		line.setName(name);
		line.setDepartment(department);
		line.setJobTitle(jobTitle);
		line.setPhone(phone);
		line.setMobile(mobile);
		line.setEmail(email);
		line.setHours(hours);
		line.setOutOfHours(outOfHours);
		line.setNotes(notes);
		return line;
	}

}
