package jp.itaku.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * One field of a worker that changed: its name and the values before and after, stored as
 * codes (a role's name, {@code true}/{@code false}, an ISO date) and shown in the
 * reader's language. A change of nationality is recorded without its values.
 *
 * @param field the field, e.g. {@code role}
 * @param before the value before, or {@code null}
 * @param after the value after, or {@code null}
 */
@Embeddable
public record FieldChange(@Column(name = "field") String field, @Column(name = "before_value") @Nullable String before,
		@Column(name = "after_value") @Nullable String after) {
}
