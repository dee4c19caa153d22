-- The schedules get a generation of their own in the log checks' cache (issue 21): a change
-- of roster or IDs no longer reads a year of schedule cells again and compares them with the
-- copy (the larger part of a one-person re-run); only a saved schedule does. A copy made
-- before this version has -1, so the next check reads the schedules once.
alter table log_fact_change add column schedule_generation bigint not null default 0;
alter table log_fact_loaded add column schedule_generation bigint not null default -1;
