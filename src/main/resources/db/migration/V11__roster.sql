-- Rosters (従事者名簿): everyone who works on a contract, with role, duties, location and period;
-- every change kept as a revision (the roster as it was on any date) and as a field-level change
-- that the next written notice (変更届) lists. Nationality is stored only as AEAD ciphertext.

create table roster_member (
    id                      uuid primary key,
    contract_id             uuid          not null references contract (id),
    organisation_id         uuid          not null references organisation (id),
    user_id                 uuid references user_account (id),
    name                    varchar(100)  not null,
    affiliation             varchar(200)  not null,
    role                    varchar(20)   not null check (role in ('SECURITY_LEAD', 'CONTRACT_LEAD', 'WORK_LEAD',
                                'DATA_CUSTODIAN', 'REVIEWER', 'WORKER')),
    duties                  varchar(500),
    work_location           varchar(300),
    handles_personal_information boolean  not null default false,
    handover_person         boolean       not null default false,
    expertise               varchar(500),
    track_record            varchar(1000),
    nationality_ciphertext  text,
    period_start            date          not null,
    planned_end             date,
    actual_end              date,
    status                  varchar(10)   not null check (status in ('PLANNED', 'ACTIVE', 'LEFT')),
    readiness_override      varchar(500),
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null default 0,
    constraint roster_member_period check (planned_end is null or planned_end >= period_start),
    constraint roster_member_end check (actual_end is null or actual_end >= period_start)
);
create index roster_member_contract on roster_member (contract_id);

-- One row per state of a member, for the roster as of any date.
create table roster_member_revision (
    id                      uuid primary key,
    member_id               uuid          not null references roster_member (id),
    contract_id             uuid          not null references contract (id),
    recorded_at             timestamptz   not null,
    name                    varchar(100)  not null,
    affiliation             varchar(200)  not null,
    role                    varchar(20)   not null,
    duties                  varchar(500),
    work_location           varchar(300),
    handles_personal_information boolean  not null,
    handover_person         boolean       not null,
    period_start            date          not null,
    planned_end             date,
    actual_end              date,
    status                  varchar(10)   not null
);
create index roster_member_revision_contract on roster_member_revision (contract_id, member_id, recorded_at);

-- The written notices: number 1 is the roster itself, later ones are change notices.
create table roster_notice (
    id              uuid primary key,
    contract_id     uuid          not null references contract (id),
    number          integer       not null,
    filed_at        timestamptz   not null,
    filed_by        uuid          not null references user_account (id),
    document_key    varchar(64)   not null,
    sha256          varchar(64)   not null,
    file_name       varchar(255)  not null,
    constraint roster_notice_number unique (contract_id, number)
);

create table roster_change (
    id              uuid primary key,
    contract_id     uuid          not null references contract (id),
    member_id       uuid          not null references roster_member (id),
    member_name     varchar(100)  not null,
    kind            varchar(10)   not null check (kind in ('ADDED', 'CHANGED', 'LEFT')),
    occurred_at     timestamptz   not null,
    actor_id        uuid          not null references user_account (id),
    notice_id       uuid references roster_notice (id)
);
create index roster_change_contract on roster_change (contract_id, occurred_at);

-- What changed, field by field (before and after as people read them; never the nationality).
create table roster_change_field (
    change_id       uuid          not null references roster_change (id),
    position        integer       not null,
    field           varchar(40)   not null,
    before_value    varchar(1000),
    after_value     varchar(1000),
    primary key (change_id, position)
);
