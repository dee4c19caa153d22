package jp.itaku.emergency;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * One line of an emergency contact list (緊急時連絡先): whom to call (name, department, job
 * title), in which order (the priority, 連絡順位), on which numbers and address, and when
 * they can be reached. Values are validated and normalised by
 * {@link EmergencyContactRules}.
 */
@Embeddable
public class EmergencyContact {

	@Column(nullable = false)
	private int priority;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String department;

	@Column(name = "job_title")
	private @Nullable String jobTitle;

	private @Nullable String phone;

	private @Nullable String mobile;

	private @Nullable String email;

	@Column(nullable = false)
	private String hours;

	@Column(name = "out_of_hours", nullable = false)
	private boolean outOfHours;

	private @Nullable String notes;

	protected EmergencyContact() {
	}

	// EmergencyContactInput's problems() has refused a blank required value before this
	// is called
	@SuppressWarnings("NullAway")
	EmergencyContact(int priority, @Nullable String name, @Nullable String department, @Nullable String jobTitle,
			@Nullable String phone, @Nullable String mobile, @Nullable String email, @Nullable String hours,
			boolean outOfHours, @Nullable String notes) {
		this.priority = priority;
		this.name = name;
		this.department = department;
		this.jobTitle = jobTitle;
		this.phone = phone;
		this.mobile = mobile;
		this.email = email;
		this.hours = hours;
		this.outOfHours = outOfHours;
		this.notes = notes;
	}

	EmergencyContact copy() {
		return new EmergencyContact(this.priority, this.name, this.department, this.jobTitle, this.phone, this.mobile,
				this.email, this.hours, this.outOfHours, this.notes);
	}

	public int getPriority() {
		return this.priority;
	}

	public String getName() {
		return this.name;
	}

	public String getDepartment() {
		return this.department;
	}

	public @Nullable String getJobTitle() {
		return this.jobTitle;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public @Nullable String getMobile() {
		return this.mobile;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public String getHours() {
		return this.hours;
	}

	public boolean isOutOfHours() {
		return this.outOfHours;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EmergencyContact that && this.priority == that.priority
				&& this.outOfHours == that.outOfHours && Objects.equals(this.name, that.name)
				&& Objects.equals(this.department, that.department) && Objects.equals(this.jobTitle, that.jobTitle)
				&& Objects.equals(this.phone, that.phone) && Objects.equals(this.mobile, that.mobile)
				&& Objects.equals(this.email, that.email) && Objects.equals(this.hours, that.hours)
				&& Objects.equals(this.notes, that.notes);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.priority, this.name, this.department, this.phone, this.mobile);
	}

}
