-- The log checks' cache of what the contract says about people (issue 21): the roster, the
-- client-issued IDs and the schedules in force, copied here per contract when they change, so
-- that a batch's checks join them without reading the owning modules each time.
--
-- A change of roster, IDs or schedule bumps its contract's generation in its own transaction
-- (an event listener of the log-evidence module); the checks compare it, and a stamp of the
-- roster, with what the copy was made from before they use it. Any node may refresh the copy
-- (under the contract's check lock); none checks with a stale one.
create table log_fact_change (
    contract_id         uuid          primary key,
    generation          bigint        not null
);

create table log_fact_loaded (
    contract_id         uuid          primary key,
    generation          bigint        not null,
    roster_stamp        varchar(100)  not null,
    id_count            integer       not null
);

create table log_fact_id (
    contract_id         uuid          not null,
    value               varchar(200)  not null,
    member_id           uuid,
    issued_on           date,
    revoked_on          date
);
create index log_fact_id_value on log_fact_id (contract_id, value);

create table log_fact_member (
    contract_id         uuid          not null,
    member_id           uuid          not null,
    first_day           date,
    last_day            date,
    primary key (contract_id, member_id)
);

create table log_fact_shift (
    contract_id         uuid          not null,
    member_id           uuid          not null,
    day                 date          not null,
    starts              time,
    ends                time,
    primary key (contract_id, member_id, day)
);

create table log_fact_month (
    contract_id         uuid          not null,
    month               date          not null,
    primary key (contract_id, month)
);

-- Lines per user and day (Tokyo) of a contract, kept at ingestion: a change that concerns a
-- few people re-checks their days from here without reading every stored line. Rows of a
-- month go with its partition (retention).
create table log_user_day (
    contract_id         uuid          not null,
    user_ref            varchar(200)  not null,
    day                 date          not null,
    n                   bigint        not null,
    first_at            timestamptz   not null,
    last_at             timestamptz   not null,
    primary key (contract_id, user_ref, day)
);

-- The lines stored before this version.
insert into log_user_day (contract_id, user_ref, day, n, first_at, last_at)
select contract_id, user_ref, (occurred_at at time zone 'Asia/Tokyo')::date, count(*), min(occurred_at), max(occurred_at)
from log_line where user_ref is not null group by 1, 2, 3;
