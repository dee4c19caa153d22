package jp.itaku.worksite;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A cell of a schedule in force, read without loading the entity (for the log checks,
 * which read a year of schedules at once).
 *
 * @param memberId the roster member
 * @param day the day
 * @param off whether the member is off
 * @param startsAt when work starts (when not off)
 * @param endsAt when it ends (when not off)
 */
public record ShiftCell(UUID memberId, LocalDate day, boolean off, LocalTime startsAt, LocalTime endsAt) {

}
