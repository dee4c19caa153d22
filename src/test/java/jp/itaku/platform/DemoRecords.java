package jp.itaku.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's records a path variable names, for the authorisation matrix: the key is the
 * path segment before {@code {id}} ({@code contracts}, {@code obligations}, …) or the
 * variable's own name ({@code memberId}, {@code month}, {@code step@asset-requests}).
 * Records of the Kadoma contract (R8-戸籍-014) come first: the subcontractor works on it,
 * so its lead's part is tried too. Only the demo's client's contracts are read, never
 * another test's records sharing the database.
 */
final class DemoRecords {

	private static final String DEMO = "select c.id from contract c join organisation o on o.id = c.client_organisation_id"
			+ " where o.name = '世田谷区'";

	private static final String KADOMA = "(select id from contract where number = 'R8-戸籍-014' and id in (" + DEMO
			+ "))";

	private DemoRecords() {
	}

	static Map<String, String> ids(JdbcClient jdbc) {
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("contracts", one(jdbc, "select id::text from contract where id = " + KADOMA));
		ids.put("obligations", byContract(jdbc, "obligation", "t.id", "t.due_date, t.requirement_key, t.period_key"));
		ids.put("submissions", one(jdbc,
				"select s.id::text from submission s join obligation t on t.id = s.obligation_id where t.contract_id in ("
						+ DEMO + ") order by (t.contract_id = " + KADOMA
						+ ") desc, (s.review_status = 'PENDING') desc, s.submitted_at, s.number limit 1"));
		ids.put("files",
				one(jdbc,
						"select f.id::text from submission_file f join submission s on s.id = f.submission_id"
								+ " join obligation t on t.id = s.obligation_id where t.contract_id = " + KADOMA
								+ " order by f.id limit 1"));
		// A file of the submission above, for the submission's own file listing.
		ids.put("fileId@files", one(jdbc, "select f.id::text from submission_file f where f.submission_id = '"
				+ ids.get("submissions") + "' order by f.id limit 1"));
		String member = one(jdbc,
				"select t.id::text from roster_member t join contract c on c.id = t.contract_id"
						+ " where t.contract_id = " + KADOMA
						+ " and t.organisation_id = c.contractor_organisation_id order by t.name limit 1");
		ids.put("memberId", member);
		ids.put("roster", member);
		ids.put("roster-members", member);
		ids.put("noticeId", byContract(jdbc, "roster_notice", "t.id", "t.number"));
		// The identity provider of the test profile (issue 22); not running here: its
		// button
		// goes back to the sign-in page, and a back-channel logout without a token is
		// refused.
		ids.put("provider", "test");
		// The pledge of the demo's worker (unsigned, theirs to acknowledge): the same on
		// every run.
		ids.put("pledges",
				one(jdbc,
						"select t.id::text from pledge t join roster_member m on m.id = t.member_id"
								+ " where t.contract_id = " + KADOMA + " and m.user_id = (select id from user_account"
								+ " where username = 'worker') order by t.pledge_date limit 1"));
		ids.put("sessions", byContract(jdbc, "training_session", "t.id", "t.held_on, t.recorded_at"));
		ids.put("ids", byContract(jdbc, "client_issued_id", "t.id", "t.created_at"));
		ids.put("asset-receipts", byContract(jdbc, "asset_receipt", "t.id", "t.seq"));
		ids.put("asset", byContract(jdbc, "asset", "t.id", "t.created_at"));
		ids.put("asset-requests", byContract(jdbc, "asset_request", "t.id", "t.seq"));
		ids.put("asset-shipments", byContract(jdbc, "asset_shipment", "t.id", "t.recorded_at"));
		// The first incident reported on the Kadoma contract (by its number, not by a
		// random id): the matrix must meet the same incident on every run, since the
		// subcontractor sees its own incidents and not the contractor's.
		ids.put("incidents", one(jdbc,
				"select t.id::text from incident t where t.contract_id = " + KADOMA + " order by t.seq limit 1"));
		ids.put("subcontracts", one(jdbc,
				"select t.id::text from subcontract t where t.contract_id = " + KADOMA + " order by t.seq limit 1"));
		// A file of the Setagaya subcontract's documents: the Kadoma subcontract met
		// above
		// carries none (Kadoma asks for no subcontractor documents), so every reader of
		// that subcontract gets 404 for it.
		ids.put("fileId@documents",
				one(jdbc, "select f.id::text from subcontractor_document f order by f.uploaded_at, f.id limit 1"));
		ids.put("staff-notices", byContract(jdbc, "subcontract_staff_notice", "t.id", "t.number"));
		ids.put("inspections", byContract(jdbc, "inspection", "t.id", "t.seq"));
		ids.put("lineId", one(jdbc, "select l.id::text from inspection_line l where l.inspection_id = '"
				+ ids.get("inspections") + "' order by l.id limit 1"));
		// The first inspection's (of the contractor): the inspection of the Setagaya
		// subcontractor numbers its findings and requests from 1 too.
		ids.put("findings", byContract(jdbc, "inspection_finding", "t.id",
				"(select i.seq from inspection i where i.id = t.inspection_id), t.seq"));
		ids.put("evidence", one(jdbc, "select e.id::text from inspection_evidence e join inspection_finding f"
				+ " on f.id = e.finding_id where f.contract_id in (" + DEMO + ") order by e.id limit 1"));
		ids.put("requestId", byContract(jdbc, "inspection_material_request", "t.id",
				"(select i.seq from inspection i where i.id = t.inspection_id), t.seq"));
		ids.put("material-requests", ids.get("requestId"));
		ids.put("batchId", byContract(jdbc, "log_batch", "t.id", "t.uploaded_at"));
		ids.put("batches", ids.get("batchId"));
		ids.put("findingId", byContract(jdbc, "log_finding", "t.id", "t.found_at, t.checked_at"));
		ids.put("schedules", byContract(jdbc, "work_schedule", "t.id", "t.month"));
		ids.put("entry", byContract(jdbc, "entry_log_entry", "t.id", "t.entered_at, t.recorded_at"));
		ids.put("month@schedules", byContract(jdbc, "work_schedule", "t.month", "t.month"));
		ids.put("month@self-inspections", byContract(jdbc, "self_inspection", "t.month", "t.month"));
		ids.put("answerId", one(jdbc, "select a.id::text from self_inspection_answer a join self_inspection i"
				+ " on i.id = a.inspection_id where i.contract_id = " + KADOMA + " order by i.month, a.id limit 1"));
		ids.put("number", byContract(jdbc, "emergency_contact_version", "t.number", "t.number"));
		ids.put("step@asset-requests", "approve");
		// The Setagaya contract's pending application (Setagaya 10), with its attachment.
		ids.put("approvals", one(jdbc, "select t.id::text from approval t join contract c on c.id = t.contract_id"
				+ " where c.number = 'R8-情政-001' and c.id in (" + DEMO + ") order by t.seq limit 1"));
		ids.put("step@approvals", "approve");
		ids.put("fileId@attachments", one(jdbc,
				"select f.id::text from approval_attachment f where f.approval_id = '" + ids.get("approvals") + "'"));
		ids.put("step@findings", "acknowledge");
		ids.put("users", one(jdbc, "select id::text from user_account where username = 'lead'"));
		ids.put("organisations", one(jdbc, "select id::text from organisation where name = '株式会社みらいデータサービス'"));
		ids.put("profiles", one(jdbc, "select p.id::text from clause_profile p join contract c on c.profile_id = p.id"
				+ " where c.id = " + KADOMA));
		// Records the demo has none of: an id that exists nowhere, the same for every
		// account.
		ids.put("tokens", UUID.nameUUIDFromBytes("token".getBytes()).toString());
		ids.put("token", "0000000000000000000000000000000000000000000");
		// An in-app notice is its recipient's only (MailboxIT opens one as another user).
		ids.put("mailbox", UUID.nameUUIDFromBytes("mailbox".getBytes()).toString());
		return ids;
	}

	/**
	 * The first record of a table on the Kadoma contract (else on another demo contract),
	 * in an order that the demo's seeding fixes (a number, a date, when it was recorded),
	 * never by a random id: the matrix must meet the same record, in the same state, on
	 * every run.
	 */
	private static String byContract(JdbcClient jdbc, String table, String column, String order) {
		return one(jdbc, "select " + column + "::text from " + table + " t where t.contract_id in (" + DEMO
				+ ") order by (t.contract_id = " + KADOMA + ") desc, " + order + ", t.id limit 1");
	}

	private static String one(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(String.class).optional().orElse(null);
	}

}
