-- Work schedules (勤務予定表, Kadoma 2(2)) and entry logs (入退室記録簿, Kadoma 14(4)).

-- One row per version of a contract's schedule for a month: the latest version is the one being
-- edited while it is a draft; a submitted version never changes, a change makes the next version.
create table work_schedule (
    id              uuid primary key,
    contract_id     uuid          not null references contract (id),
    month           varchar(7)    not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    version         integer       not null check (version >= 1),
    status          varchar(10)   not null check (status in ('DRAFT', 'SUBMITTED')),
    source          varchar(10)   not null check (source in ('GRID', 'IMPORT', 'API')),
    saved_at        timestamptz   not null,
    saved_by        uuid          not null references user_account (id),
    submitted_at    timestamptz,
    submitted_by    uuid references user_account (id),
    change_key      varchar(60),
    document_key    varchar(64),
    sha256          varchar(64),
    file_name       varchar(255),
    constraint work_schedule_version unique (contract_id, month, version),
    constraint work_schedule_submitted check (status = 'DRAFT' or (submitted_at is not null and document_key is not null))
);

-- A cell of the grid: one roster member on one day, working (from, to) or off.
create table work_shift (
    id              uuid primary key,
    schedule_id     uuid          not null references work_schedule (id),
    member_id       uuid          not null references roster_member (id),
    member_name     varchar(100)  not null,
    day             date          not null,
    off             boolean       not null,
    label           varchar(20),
    starts_at       time,
    ends_at         time,
    constraint work_shift_cell unique (schedule_id, member_id, day),
    constraint work_shift_times check (off or (starts_at is not null and ends_at is not null and ends_at > starts_at))
);
create index work_shift_schedule on work_shift (schedule_id);

-- Who entered and left the work area: matched to the roster on the day of entry. A person not on
-- the roster that day who was not declared a visitor (with a purpose) is flagged.
create table entry_log_entry (
    id              uuid primary key,
    contract_id     uuid          not null references contract (id),
    name            varchar(100)  not null,
    affiliation     varchar(200),
    purpose         varchar(300),
    area            varchar(200),
    entered_at      timestamptz   not null,
    left_at         timestamptz,
    member_id       uuid references roster_member (id),
    match           varchar(10)   not null check (match in ('ON_ROSTER', 'VISITOR', 'FLAGGED')),
    source          varchar(10)   not null check (source in ('QUICK', 'FORM', 'IMPORT', 'API')),
    recorded_at     timestamptz   not null,
    recorded_by     uuid          not null references user_account (id),
    version         bigint        not null default 0,
    constraint entry_log_times check (left_at is null or left_at >= entered_at),
    constraint entry_log_visitor check (match <> 'VISITOR' or purpose is not null)
);
create index entry_log_contract on entry_log_entry (contract_id, entered_at);
