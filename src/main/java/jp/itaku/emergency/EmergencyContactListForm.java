package jp.itaku.emergency;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole emergency contact list as the edit form or {@code PUT} gives it: its lines in
 * the order of the table.
 */
public class EmergencyContactListForm {

	private List<EmergencyContactInput> entries = new ArrayList<>();

	public List<EmergencyContactInput> getEntries() {
		return this.entries;
	}

	public void setEntries(List<EmergencyContactInput> entries) {
		this.entries = (entries != null) ? entries : new ArrayList<>();
	}

}
