-- Subcontracting (Setagaya 4, Kadoma 8, Nerima 15/16/22②, Gunma 14): applications to pass part of
-- a contract's work to another organisation, approved or rejected by the client, at any depth
-- (a subcontractor's own subcontract names its parent). The applicant's supervision of each
-- subcontractor is recorded per subcontract.

create table subcontract (
    id                          uuid primary key,
    contract_id                 uuid          not null references contract (id),
    seq                         integer       not null check (seq >= 1),
    parent_id                   uuid          references subcontract (id),
    depth                       integer       not null check (depth >= 1),
    applicant_organisation_id   uuid          not null references organisation (id),
    subcontractor_organisation_id uuid        not null references organisation (id),
    subcontractor_name          varchar(200)  not null,
    subcontractor_address       varchar(300)  not null,
    period_start                date          not null,
    period_end                  date          not null,
    reason                      varchar(2000) not null,
    work_content                varchar(2000) not null,
    information_handled         varchar(2000) not null,
    personal_information        boolean       not null,
    safety_measures             varchar(4000) not null,
    supervision_method          varchar(2000) not null,
    security_lead               varchar(100)  not null,
    workers                     varchar(2000) not null,
    safety_measures_checked     boolean       not null,
    binds_same_clauses          boolean       not null,
    ancillary_unavoidable       boolean       not null,
    status                      varchar(20)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    applied_by                  uuid          not null references user_account (id),
    applied_at                  timestamptz   not null,
    decided_by                  uuid          references user_account (id),
    decided_at                  timestamptz,
    rejection_reason            varchar(2000),
    document_key                varchar(64)   not null,
    sha256                      varchar(64)   not null,
    file_name                   varchar(255)  not null,
    constraint subcontract_seq unique (contract_id, seq),
    constraint subcontract_period check (period_end >= period_start),
    constraint subcontract_decided check ((status = 'PENDING') = (decided_at is null)),
    constraint subcontract_maker_checker check (decided_by is null or decided_by <> applied_by)
);
create index subcontract_contract on subcontract (contract_id, seq);
-- the contracts an organisation takes part in as an approved subcontractor (contract scoping)
create index subcontract_participant on subcontract (subcontractor_organisation_id, contract_id) where status = 'APPROVED';

create table subcontract_supervision (
    id                uuid primary key,
    subcontract_id    uuid          not null references subcontract (id),
    contract_id       uuid          not null references contract (id),
    supervised_on     date          not null,
    method            varchar(500)  not null,
    result            varchar(2000) not null,
    findings          varchar(2000),
    recorded_by       uuid          not null references user_account (id),
    recorded_at       timestamptz   not null
);
create index subcontract_supervision_subcontract on subcontract_supervision (subcontract_id, supervised_on);
create index subcontract_supervision_contract on subcontract_supervision (contract_id, supervised_on);
