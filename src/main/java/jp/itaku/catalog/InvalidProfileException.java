package jp.itaku.catalog;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A profile file broke the schema or a rule of the catalog; carries every fault found.
 */
public class InvalidProfileException extends RuntimeException {

	private final @Nullable String file;

	private final transient List<ProfileError> errors;

	InvalidProfileException(@Nullable String file, List<ProfileError> errors) {
		super("Invalid clause profile " + file + ":\n  "
				+ errors.stream().map(ProfileError::toString).collect(Collectors.joining("\n  ")));
		this.file = file;
		this.errors = List.copyOf(errors);
	}

	public @Nullable String getFile() {
		return this.file;
	}

	public List<ProfileError> getErrors() {
		return this.errors;
	}

}
