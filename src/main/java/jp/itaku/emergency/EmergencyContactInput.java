package jp.itaku.emergency;

import org.jspecify.annotations.Nullable;

/**
 * One line of an emergency contact list as a form or an API request gives it, before
 * validation. A line whose fields are all blank is ignored.
 */
public class EmergencyContactInput {

	private @Nullable String priority;

	private @Nullable String name;

	private @Nullable String department;

	private @Nullable String jobTitle;

	private @Nullable String phone;

	private @Nullable String mobile;

	private @Nullable String email;

	private @Nullable String hours;

	private boolean outOfHours;

	private @Nullable String notes;

	public EmergencyContactInput() {
	}

	/**
	 * Returns the input that shows a stored line.
	 * @param contact the line
	 * @return the input
	 */
	public static EmergencyContactInput of(EmergencyContact contact) {
		EmergencyContactInput input = new EmergencyContactInput();
		input.priority = Integer.toString(contact.getPriority());
		input.name = contact.getName();
		input.department = contact.getDepartment();
		input.jobTitle = contact.getJobTitle();
		input.phone = contact.getPhone();
		input.mobile = contact.getMobile();
		input.email = contact.getEmail();
		input.hours = contact.getHours();
		input.outOfHours = contact.isOutOfHours();
		input.notes = contact.getNotes();
		return input;
	}

	/**
	 * Returns whether nothing was entered on this line.
	 * @return {@code true} for a blank line
	 */
	public boolean isBlank() {
		return blank(this.priority) && blank(this.name) && blank(this.department) && blank(this.jobTitle)
				&& blank(this.phone) && blank(this.mobile) && blank(this.email) && blank(this.hours)
				&& blank(this.notes) && !this.outOfHours;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	public @Nullable String getPriority() {
		return this.priority;
	}

	public void setPriority(String priority) {
		this.priority = priority;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public @Nullable String getDepartment() {
		return this.department;
	}

	public void setDepartment(String department) {
		this.department = department;
	}

	public @Nullable String getJobTitle() {
		return this.jobTitle;
	}

	public void setJobTitle(@Nullable String jobTitle) {
		this.jobTitle = jobTitle;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public @Nullable String getMobile() {
		return this.mobile;
	}

	public void setMobile(@Nullable String mobile) {
		this.mobile = mobile;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getHours() {
		return this.hours;
	}

	public void setHours(String hours) {
		this.hours = hours;
	}

	public boolean isOutOfHours() {
		return this.outOfHours;
	}

	public void setOutOfHours(boolean outOfHours) {
		this.outOfHours = outOfHours;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

}
