package jp.itaku.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.itaku.platform.OrganisationKind;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters for an organisation, in the UI or the API.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class OrganisationForm {

	/** The organisation's official name. */
	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.maxLength}")
	private String name;

	/** Client, contractor or subcontractor; fixed once created. */
	@NotNull(message = "{validation.required}")
	private OrganisationKind kind;

	/** Its address. */
	@Size(max = 400, message = "{validation.maxLength}")
	private @Nullable String address;

	public OrganisationForm() {
	}

	/**
	 * Creates a filled form.
	 * @param name the name
	 * @param kind the kind
	 * @param address the address
	 */
	public OrganisationForm(String name, OrganisationKind kind, @Nullable String address) {
		this.name = name;
		this.kind = kind;
		this.address = address;
	}

	/**
	 * Returns a form filled with an organisation's data, for editing.
	 * @param organisation the organisation
	 * @return the form
	 */
	public static OrganisationForm of(Organisation organisation) {
		return new OrganisationForm(organisation.getName(), organisation.getKind(), organisation.getAddress());
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public OrganisationKind getKind() {
		return this.kind;
	}

	public void setKind(OrganisationKind kind) {
		this.kind = kind;
	}

	public @Nullable String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

}
