package jp.itaku.logevidence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watched folder (on-premises delivery): a stable file is ingested with the same
 * rules as an upload and moved by its outcome; a file still being written is left alone;
 * the folder of a contract the user is no party to stores nothing.
 */
@IntegrationTest
class LogFolderWatcherIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	LogEvidence logs;

	@Autowired
	LogExport logExport;

	@Autowired
	LogFolderWatcher watcher;

	@Autowired
	java.time.Clock clock;

	@TempDir
	Path root;

	@Test
	void stableFilesAreIngestedAndMovedByTheirOutcome() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Actor officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		Actor lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		Actor otherLead = this.fixtures
			.actor(this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR), Role.CONTRACTOR_LEAD));
		LocalDate today = ItakuTime.today(this.clock);
		Contract contract = this.contracts.register(officer, this.fixtures.contractForm(contractor, "gunma",
				today.minusMonths(2), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		LogSource source = this.logs.addSource(lead, contract.getId(), "オンプレ", LogFormat.JSONL,
				new LogMapping("ts", "user", "op", null, null, null, List.of()), null);
		Path folder = Files
			.createDirectories(this.root.resolve(contract.getId().toString()).resolve(source.id().toString()));
		String day = today.minusDays(2).toString();
		Path good = write(folder.resolve("a.jsonl"),
				"{\"ts\":\"" + day + "T10:00:00+09:00\",\"user\":\"u\",\"op\":\"view\"}\n", true);
		Path bad = write(folder.resolve("b.jsonl"),
				"{\"ts\":\"" + day + "T11:00:00+09:00\",\"user\":\"u\",\"op\":\"view\"}\nnot json\n", true);
		Path fresh = write(folder.resolve("c.jsonl"),
				"{\"ts\":\"" + day + "T12:00:00+09:00\",\"user\":\"u\",\"op\":\"view\"}\n", false);

		List<String> outcomes = this.watcher.scan(this.root, lead);

		assertThat(outcomes).containsExactlyInAnyOrder("a.jsonl: done", "b.jsonl: pending");
		assertThat(folder.resolve("done/a.jsonl")).exists();
		assertThat(folder.resolve("pending/b.jsonl")).exists();
		assertThat(fresh).exists();
		assertThat(good).doesNotExist();
		assertThat(bad).doesNotExist();
		assertThat(this.logExport.countLines(lead, contract.getId(), today.minusDays(2), today.minusDays(2)))
			.isEqualTo(1);
		assertThat(this.logs.overview(lead, contract.getId()).batches()).extracting(LogBatch::getStatus)
			.containsExactlyInAnyOrder(LogBatch.Status.ACCEPTED, LogBatch.Status.PENDING);

		// As a user of another contractor, the same folder stores nothing.
		Path other = write(folder.resolve("d.jsonl"),
				"{\"ts\":\"" + day + "T13:00:00+09:00\",\"user\":\"u\",\"op\":\"view\"}\n", true);
		assertThat(this.watcher.scan(this.root, otherLead)).contains("d.jsonl: failed");
		assertThat(folder.resolve("failed/d.jsonl.error")).exists();
		assertThat(other).doesNotExist();
		assertThat(this.logExport.countLines(lead, contract.getId(), today.minusDays(2), today.minusDays(2)))
			.isEqualTo(1);
	}

	private Path write(Path file, String content, boolean stable) throws Exception {
		Files.writeString(file, content, StandardCharsets.UTF_8);
		if (stable) {
			Files.setLastModifiedTime(file, FileTime.from(Instant.now(this.clock).minusSeconds(60)));
		}
		return file;
	}

}
