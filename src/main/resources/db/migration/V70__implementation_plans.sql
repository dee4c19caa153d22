-- Implementation plans (実施計画, issue 18 must-have 6): for each periodic duty of a contract that
-- has no calendar of its own (training and drills "according to a plan", checks, backups, log
-- analysis, patches "regularly"), the contractor's lead states an interval from a first day or a
-- list of days; each planned day becomes an obligation of origin SCHEDULED, due on that day.

-- One plan per contract and duty (the requirement's key, e.g. '16#1'). Either an interval
-- (plan_interval, ISO-8601 as the reporting intervals: P1M … P1Y) counted from first_day, or the
-- planned days themselves (planned_days, ISO dates separated by commas).
create table implementation_plan (
    id               uuid          primary key,
    contract_id      uuid          not null references contract (id),
    requirement_key  varchar(80)   not null,
    clause_ref       varchar(60)   not null,
    plan_interval    varchar(10)   check (plan_interval in ('P1M', 'P2M', 'P3M', 'P6M', 'P1Y')),
    first_day        date,
    planned_days     varchar(1500),
    updated_at       timestamptz   not null,
    updated_by       uuid          not null references user_account (id),
    version          bigint        not null default 0,
    unique (contract_id, requirement_key),
    check ((plan_interval is null) = (first_day is null)),
    check ((plan_interval is null) <> (planned_days is null))
);

-- The obligations the plans date.
alter table obligation drop constraint obligation_origin_check;
alter table obligation add constraint obligation_origin_check
    check (origin in ('PLANNED', 'RAISED', 'SCHEDULED'));
