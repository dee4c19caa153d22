package jp.itaku.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One fault of a profile file, located by line and field.
 *
 * @param line the line, from 1 (0 when unknown)
 * @param column the column, from 1 (0 when unknown)
 * @param field the field's path, e.g. {@code clauses[3].category}
 * @param message what is wrong, in the reader's language
 */
public record ProfileError(int line, int column, String field, @Nullable String message) {

	@Override
	public String toString() {
		return "line " + this.line + ", " + this.field + ": " + this.message;
	}

}
