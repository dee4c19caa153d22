-- Audits and on-site inspections by the client (Setagaya 33–34, Kadoma 11(2)–(4), Nerima 22–23,
-- Gunma 15, Gunma 9): the plan with its checklist drawn from the contract's profile, the
-- observation per line, the findings with their improvement instruction, the contractor's
-- response with evidence and the client's verification, and the requests for material.
-- Instants in UTC; days are Tokyo dates.

create table inspection (
    id                         uuid primary key,
    contract_id                uuid          not null references contract (id),
    client_organisation_id     uuid          not null references organisation (id),
    contractor_organisation_id uuid          not null references organisation (id),
    seq                        integer       not null check (seq >= 1),
    kind                       varchar(20)   not null check (kind in ('AUDIT', 'ON_SITE', 'DOCUMENTARY')),
    scope                      varchar(2000) not null,
    held_on                    date          not null,
    inspectors                 varchar(1000) not null,
    subcontractors_in_scope    varchar(1000),
    planned_at                 timestamptz   not null,
    planned_by                 uuid          not null references user_account (id),
    version                    bigint        not null default 0,
    constraint inspection_seq unique (contract_id, seq)
);
create index inspection_contract on inspection (contract_id, seq);

create table inspection_line (
    id             uuid primary key,
    inspection_id  uuid          not null references inspection (id),
    position       integer       not null,
    clause_ref     varchar(40)   not null,
    summary        varchar(1000) not null,
    result         varchar(20)   not null check (result in ('NOT_CHECKED', 'CONFORMING', 'FINDING')),
    note           varchar(2000),
    version        bigint        not null default 0,
    constraint inspection_line_position unique (inspection_id, position)
);

create table inspection_finding (
    id               uuid primary key,
    inspection_id    uuid          not null references inspection (id),
    contract_id      uuid          not null references contract (id),
    seq              integer       not null check (seq >= 1),
    severity         varchar(20)   not null check (severity in ('MINOR', 'MAJOR', 'CRITICAL')),
    clause_ref       varchar(40)   not null,
    description      varchar(4000) not null,
    status           varchar(20)   not null check (status in ('RECORDED', 'INSTRUCTED', 'RESPONDED', 'RETURNED', 'CLOSED')),
    recorded_at      timestamptz   not null,
    recorded_by      uuid          not null references user_account (id),
    instruction      varchar(4000),
    due_on           date,
    instructed_at    timestamptz,
    response         varchar(4000),
    responded_at     timestamptz,
    responded_by     uuid references user_account (id),
    review_comment   varchar(2000),
    reviewed_at      timestamptz,
    reviewed_by      uuid references user_account (id),
    closed_at        timestamptz,
    version          bigint        not null default 0,
    constraint inspection_finding_seq unique (inspection_id, seq),
    constraint inspection_finding_instructed check ((instruction is null) = (due_on is null)),
    constraint inspection_finding_closed check ((status = 'CLOSED') = (closed_at is not null))
);
create index inspection_finding_inspection on inspection_finding (inspection_id, seq);

create table inspection_evidence (
    id            uuid primary key,
    finding_id    uuid          not null references inspection_finding (id),
    document_key  varchar(64)   not null,
    sha256        varchar(64)   not null,
    file_name     varchar(255)  not null,
    content_type  varchar(100)  not null,
    uploaded_at   timestamptz   not null,
    uploaded_by   uuid          not null references user_account (id)
);
create index inspection_evidence_finding on inspection_evidence (finding_id);

create table inspection_material_request (
    id              uuid primary key,
    inspection_id   uuid          not null references inspection (id),
    contract_id     uuid          not null references contract (id),
    seq             integer       not null check (seq >= 1),
    deliverable     varchar(60)   not null,
    description     varchar(2000) not null,
    due_on          date          not null,
    requested_at    timestamptz   not null,
    requested_by    uuid          not null references user_account (id),
    constraint inspection_material_request_seq unique (inspection_id, seq)
);
create index inspection_material_request_inspection on inspection_material_request (inspection_id, seq);
