package jp.itaku.training;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One roster member's attendance at a session or drill, with the result.
 */
@Embeddable
public class Attendance {

	@Column(name = "member_id", nullable = false)
	private UUID memberId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AttendanceResult result;

	protected Attendance() {
	}

	/**
	 * Creates an attendance.
	 * @param memberId the roster member
	 * @param result how they took part
	 */
	public Attendance(UUID memberId, AttendanceResult result) {
		this.memberId = memberId;
		this.result = result;
	}

	public UUID getMemberId() {
		return this.memberId;
	}

	public AttendanceResult getResult() {
		return this.result;
	}

}
