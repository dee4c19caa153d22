-- Monthly self-inspections (自己点検, Kadoma 11(1)): one checklist per contract and month, answered
-- question by question and submitted as a written report to the month's SELF_INSPECTION_REPORT
-- obligation.
create table self_inspection (
    id              uuid primary key,
    contract_id     uuid          not null references contract (id),
    month           varchar(7)    not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    status          varchar(10)   not null check (status in ('DRAFT', 'SUBMITTED')),
    saved_at        timestamptz   not null,
    saved_by        uuid          not null references user_account (id),
    submitted_at    timestamptz,
    submitted_by    uuid references user_account (id),
    document_key    varchar(64),
    sha256          varchar(64),
    file_name       varchar(255),
    version         bigint        not null default 0,
    constraint self_inspection_month unique (contract_id, month),
    constraint self_inspection_submitted check (status = 'DRAFT' or (submitted_at is not null and document_key is not null))
);

-- One answered question: the question as it was asked (its key, clause reference and text), the
-- answer, remarks, optional evidence, and for a "no" the corrective action with its due date.
create table self_inspection_answer (
    id              uuid primary key,
    inspection_id   uuid          not null references self_inspection (id),
    position        integer       not null,
    question_key    varchar(120)  not null,
    clause_ref      varchar(40)   not null,
    question        varchar(1000) not null,
    answer          varchar(4)    check (answer in ('YES', 'NO', 'NA')),
    remarks         varchar(2000),
    corrective_action varchar(2000),
    action_due      date,
    action_done_on  date,
    evidence_key    varchar(64),
    evidence_name   varchar(255),
    evidence_sha256 varchar(64),
    version         bigint        not null default 0,
    constraint self_inspection_answer_key unique (inspection_id, question_key),
    constraint self_inspection_answer_action check (answer is distinct from 'NO' or (corrective_action is not null and action_due is not null))
);
create index self_inspection_answer_inspection on self_inspection_answer (inspection_id);
