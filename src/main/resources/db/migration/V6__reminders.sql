-- Reminders: e-mails before an obligation's due date, on the day it becomes overdue and on each
-- review outcome.

-- ShedLock's lock table: the daily reminder job runs on one node at a time. ShedLock writes UTC
-- times from the database's own clock (usingDbTime) into plain timestamps, as it documents for
-- PostgreSQL.
create table shedlock (
    name        varchar(64)   primary key,
    lock_until  timestamp     not null,
    locked_at   timestamp     not null,
    locked_by   varchar(255)  not null
);

-- One row for every reminder sent: a person gets a reminder of a kind for an obligation on a
-- given date (the review's submission, for review outcomes) at most once, however often and on
-- however many nodes the job runs. The row is committed only after the mail was handed to the
-- mail server; a failed send leaves no row and is retried at the next run.
create table reminder_sent (
    id             uuid          primary key,
    obligation_id  uuid          not null references obligation (id),
    kind           varchar(20)   not null check (kind in ('BEFORE_DUE', 'OVERDUE', 'ACCEPTED', 'RETURNED')),
    reminder_date  date          not null,
    submission_id  uuid          references submission (id),
    recipient_id   uuid          not null references user_account (id),
    sent_at        timestamptz   not null,
    constraint reminder_sent_once unique nulls not distinct
        (obligation_id, kind, reminder_date, submission_id, recipient_id)
);
create index reminder_sent_obligation on reminder_sent (obligation_id);
