package jp.itaku.worksite;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One cell of a schedule version: a roster member on a day, working or off. The name is
 * kept as it was on the roster when the schedule was saved.
 */
@Entity
@Table(name = "work_shift")
public class WorkShift {

	@Id
	private UUID id;

	@Column(name = "schedule_id", nullable = false)
	private UUID scheduleId;

	@Column(name = "member_id", nullable = false)
	private UUID memberId;

	@Column(name = "member_name", nullable = false)
	private String memberName;

	@Column(nullable = false)
	private LocalDate day;

	@Column(nullable = false)
	private boolean off;

	private @Nullable String label;

	@Column(name = "starts_at")
	private @Nullable LocalTime startsAt;

	@Column(name = "ends_at")
	private @Nullable LocalTime endsAt;

	protected WorkShift() {
	}

	WorkShift(UUID scheduleId, UUID memberId, String memberName, LocalDate day, Shift shift) {
		this.id = UUID.randomUUID();
		this.scheduleId = scheduleId;
		this.memberId = memberId;
		this.memberName = memberName;
		this.day = day;
		this.off = shift.off();
		this.label = shift.off() ? null : shift.label();
		this.startsAt = shift.start();
		this.endsAt = shift.end();
	}

	/**
	 * Returns the cell's shift.
	 * @return the shift
	 */
	public Shift shift() {
		return this.off ? Shift.OFF : new Shift(false, this.label, this.startsAt, this.endsAt);
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getScheduleId() {
		return this.scheduleId;
	}

	public UUID getMemberId() {
		return this.memberId;
	}

	public String getMemberName() {
		return this.memberName;
	}

	public LocalDate getDay() {
		return this.day;
	}

	public boolean isOff() {
		return this.off;
	}

}
