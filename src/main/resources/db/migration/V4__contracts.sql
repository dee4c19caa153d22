-- Outsourcing contracts: who contracts with whom, under which clause profile version (pinned),
-- with which scope attributes, deadlines and service levels.

create table contract (
    id                      uuid primary key,
    number                  varchar(60)  not null,
    title                   varchar(300) not null,
    client_organisation_id  uuid         not null references organisation (id),
    client_department       varchar(200),
    contractor_organisation_id uuid      not null references organisation (id),
    period_start            date         not null,
    period_end              date         not null,
    profile_id              uuid         not null references clause_profile (id),
    status                  varchar(20)  not null check (status in ('DRAFT', 'ACTIVE', 'ENDED', 'CLOSED')),
    immediately             varchar(20)  not null,
    promptly                varchar(20)  not null,
    without_delay           varchar(20)  not null,
    work_locations          text,
    service_levels          text,
    client_contact          varchar(400),
    contractor_contact      varchar(400),
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null default 0,
    constraint contract_number_unique unique (client_organisation_id, number),
    constraint contract_period check (period_end >= period_start)
);
create index contract_client on contract (client_organisation_id);
create index contract_contractor on contract (contractor_organisation_id);

create table contract_attribute (
    contract_id  uuid        not null references contract (id) on delete cascade,
    attribute    varchar(40) not null,
    primary key (contract_id, attribute)
);
