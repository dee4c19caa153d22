package jp.itaku.training;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.Sha256;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Submits a generated written record (a pledge, a training or drill record) to an
 * obligation the lead chose among the contract's open ones with the matching deliverable
 * — planned ones (at contract start, by period) or raised ones (e.g. Kadoma 1(2) for a
 * worker who joined, key {@code JOIN-<memberId>}) — and remembers where it went.
 */
@Component
class Filings {

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final TrainingFilingRepository filings;

	private final Clock clock;

	Filings(Obligations obligations, TrainingFilingRepository filings, Clock clock,
			ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.obligations = obligations;
		this.filings = filings;
		this.clock = clock;
	}

	/**
	 * Lists the obligations a deliverable may be submitted to.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param deliverable the deliverable
	 * @return the open or returned ones, by due date
	 */
	List<Obligation> open(Actor actor, UUID contractId, Deliverable deliverable) {
		return this.obligations.forContract(actor, contractId)
			.stream()
			.filter((o) -> o.getDeliverable() == deliverable && submittable(o))
			.toList();
	}

	TrainingFiling file(Actor actor, Contract contract, TrainingFiling.Subject subject, UUID subjectId,
			UUID obligationId, Deliverable deliverable, @Nullable String fileName, byte[] pdf, String comment) {
		if (obligationId == null) {
			throw new InvalidInputProblem("obligation", "validation.required");
		}
		Obligation obligation = this.obligationReads.findUnscoped(obligationId)
			.filter((o) -> o.getContractId().equals(contract.getId()))
			.orElseThrow(() -> new InvalidInputProblem("obligation", "training.filing.unknownObligation"));
		if (obligation.getDeliverable() != deliverable) {
			throw new InvalidInputProblem("obligation", "training.filing.wrongDeliverable");
		}
		if (!submittable(obligation)) {
			throw new InvalidInputProblem("obligation", "training.filing.notOpen");
		}
		Submission submission = this.obligations.submit(actor, obligationId, comment,
				List.of(new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(pdf))));
		return this.filings.save(new TrainingFiling(contract.getId(), subject, subjectId, obligationId,
				submission.getId(), actor.userId(), Instant.now(this.clock), Sha256.of(pdf)));
	}

	List<TrainingFiling> of(UUID subjectId) {
		return this.filings.findBySubjectIdOrderByFiledAtDesc(subjectId);
	}

	List<TrainingFiling> ofContract(UUID contractId) {
		return this.filings.findByContractIdOrderByFiledAtDesc(contractId);
	}

	private static boolean submittable(Obligation obligation) {
		return obligation.awaitsSubmission();
	}

}
