package jp.itaku.training;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.roster.WorkerReadiness;

import org.springframework.stereotype.Component;

/**
 * The roster's readiness gate, as this module keeps the records: a worker is pledged when
 * a signed pledge (uploaded scan or own acknowledgement) is on record, and trained when
 * they attended or completed a training session of the contract held on or before today
 * (Kadoma 1(2) and 5: pledge and training before the work; Setagaya 16, Nerima 9).
 */
@Component
class TrainingReadiness implements WorkerReadiness {

	private final PledgeRepository pledges;

	private final TrainingSessionRepository sessions;

	private final WorkingCalendar calendar;

	TrainingReadiness(PledgeRepository pledges, TrainingSessionRepository sessions, WorkingCalendar calendar) {
		this.pledges = pledges;
		this.sessions = sessions;
		this.calendar = calendar;
	}

	@Override
	public Readiness of(UUID memberId) {
		return assess(memberId, this.pledges.findByMemberIdOrderByCreatedAtDesc(memberId),
				this.sessions.findByAttendee(memberId), this.calendar.today());
	}

	/**
	 * The rule itself.
	 * @param memberId the roster member
	 * @param pledges the member's pledges
	 * @param sessions the sessions and drills the member was listed at
	 * @param today the day, in Tokyo
	 * @return the readiness
	 */
	static Readiness assess(UUID memberId, List<Pledge> pledges, List<TrainingSession> sessions, LocalDate today) {
		boolean pledged = pledges.stream().anyMatch((p) -> p.getMemberId().equals(memberId) && p.isSigned());
		boolean trained = sessions.stream().anyMatch((s) -> s.trains(memberId, today));
		return new Readiness(pledged, trained);
	}

}
