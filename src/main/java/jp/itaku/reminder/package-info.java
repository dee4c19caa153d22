/**
 * Reminders: e-mails that tell the contractor's leads of a deadline before it passes,
 * both sides on the day an obligation becomes overdue, and the contractor of each review
 * outcome — sent by a daily job that runs once across nodes, each at most once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reminders")
package jp.itaku.reminder;
