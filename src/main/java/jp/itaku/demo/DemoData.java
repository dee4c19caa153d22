package jp.itaku.demo;

import java.util.List;

import jp.itaku.account.UserAccounts;
import jp.itaku.account.UserForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo organisations and one account per role (listed in the README and on the
 * login page), once: a restart finds them and changes nothing.
 */
@Component
@ConditionalOnProperty(name = "itaku.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoData implements ApplicationRunner {

	static final String CLIENT = "世田谷区";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final UserAccounts users;

	private final String password;

	private final DemoContracts contracts;

	DemoData(Organisations organisations, UserAccounts users, @Value("${itaku.demo.password}") String password,
			DemoContracts contracts, OrganisationSystemReads organisationReads) {
		this.organisations = organisations;
		this.users = users;
		this.password = password;
		this.contracts = contracts;
		this.organisationReads = organisationReads;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.organisationReads.findByNameUnscoped(CLIENT).isEmpty()) {
			seedOrganisationsAndUsers();
		}
		if (this.contracts.isEmpty()) {
			this.contracts.seed();
		}
	}

	private void seedOrganisationsAndUsers() {
		Organisation client = organisation(CLIENT, OrganisationKind.CLIENT, "東京都世田谷区世田谷4-21-27");
		Organisation contractor = organisation("株式会社みらいデータサービス", OrganisationKind.CONTRACTOR, "東京都千代田区丸の内1-1-1");
		Organisation otherContractor = organisation("株式会社さくら情報システム", OrganisationKind.CONTRACTOR, "大阪府門真市中町1-1");
		Organisation subcontractor = organisation("有限会社あおば入力センター", OrganisationKind.SUBCONTRACTOR, "群馬県前橋市大手町1-1-1");
		Organisation printer = organisation("株式会社わかば印刷サービス", OrganisationKind.SUBCONTRACTOR, "東京都世田谷区三軒茶屋2-1-1");
		this.users.createAllWithPassword(List.of(
				UserForm.filled("admin", "システム 管理者", "admin@example.jp", client.getId(), Role.SYSTEM_ADMIN, true),
				UserForm.filled("secadmin", "情報 守", "secadmin@example.jp", client.getId(), Role.CLIENT_SECURITY_ADMIN,
						true),
				UserForm.filled("officer", "委託 花子", "officer@example.jp", client.getId(), Role.CLIENT_OFFICER, true),
				UserForm.filled("auditor", "監査 一郎", "auditor@example.jp", client.getId(), Role.AUDITOR, true),
				UserForm.filled("lead", "受託 太郎", "lead@example.jp", contractor.getId(), Role.CONTRACTOR_LEAD, true),
				UserForm.filled("worker", "作業 次郎", "worker@example.jp", contractor.getId(), Role.CONTRACTOR_WORKER,
						true),
				UserForm.filled("lead2", "桜 三郎", "lead2@example.jp", otherContractor.getId(), Role.CONTRACTOR_LEAD,
						true),
				UserForm.filled("sublead", "青葉 四郎", "sublead@example.jp", subcontractor.getId(), Role.CONTRACTOR_LEAD,
						true),
				UserForm.filled("wakaba", "若葉 五郎", "wakaba@example.jp", printer.getId(), Role.CONTRACTOR_LEAD, true)),
				this.password);
		log.info("Demo data seeded: organisations and one account per role (see the README)");
	}

	private Organisation organisation(String name, OrganisationKind kind, String address) {
		return this.organisations.create(null, new OrganisationForm(name, kind, address));
	}

}
