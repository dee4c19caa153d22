package jp.itaku.selfinspection;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An answer as entered on the page or sent through the API.
 *
 * @param key the question's key
 * @param answer yes, no, not applicable, or {@code null} for not yet answered
 * @param remarks remarks
 * @param correctiveAction for a "no": the corrective action
 * @param actionDue for a "no": its due date
 */
public record AnswerInput(@Nullable String key, @Nullable Answer answer, @Nullable String remarks,
		@Nullable String correctiveAction, @Nullable LocalDate actionDue) {
}
