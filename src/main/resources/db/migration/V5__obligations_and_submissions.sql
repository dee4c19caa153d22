-- Obligations: the dated duties a contract's clauses create, each met by written submissions
-- (書面) that the client reviews. Nothing is deleted: an obligation that no longer applies is
-- marked NOT_APPLICABLE and keeps its history and evidence.

create table obligation (
    id                uuid primary key,
    contract_id       uuid         not null references contract (id),
    requirement_key   varchar(60)  not null,
    clause_ref        varchar(40)  not null,
    category          varchar(40)  not null,
    kind              varchar(30)  not null,
    deliverable       varchar(50)  not null,
    summary           varchar(300) not null,
    summary_en        varchar(300),
    period_key        varchar(20)  not null,
    due_date          date,
    status            varchar(20)  not null check (status in ('OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED',
                          'WAIVED', 'NOT_APPLICABLE')),
    waived_reason     varchar(1000),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0,
    constraint obligation_unique unique (contract_id, requirement_key, period_key)
);
create index obligation_contract on obligation (contract_id);
create index obligation_due on obligation (status, due_date);

create table submission (
    id               uuid primary key,
    obligation_id    uuid          not null references obligation (id),
    number           integer       not null,
    comment          varchar(2000),
    submitted_by     uuid          not null references user_account (id),
    submitted_at     timestamptz   not null,
    review_status    varchar(20)   not null check (review_status in ('PENDING', 'ACCEPTED', 'RETURNED')),
    review_comment   varchar(2000),
    reviewed_by      uuid references user_account (id),
    reviewed_at      timestamptz,
    version          bigint        not null default 0,
    constraint submission_number_unique unique (obligation_id, number)
);
create index submission_obligation on submission (obligation_id);

create table submission_file (
    id              uuid primary key,
    submission_id   uuid          not null references submission (id),
    document_key    varchar(64)   not null,
    sha256          varchar(64)   not null,
    size_bytes      bigint        not null,
    file_name       varchar(255)  not null,
    content_type    varchar(120),
    scan_status     varchar(20)   not null,
    scan_detail     varchar(500)
);
create index submission_file_submission on submission_file (submission_id);

-- The history both sides see: every step of an obligation, in order.
create table obligation_event (
    id             uuid primary key,
    obligation_id  uuid          not null references obligation (id),
    occurred_at    timestamptz   not null,
    actor_id       uuid,
    action         varchar(40)   not null,
    comment        varchar(2000)
);
create index obligation_event_obligation on obligation_event (obligation_id, occurred_at);
