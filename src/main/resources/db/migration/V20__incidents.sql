-- Incidents (事故・インシデント, Setagaya 35–36, Kadoma 12, Nerima 24–25, Gunma 16): what the
-- contractor's side reported, when it was detected, reported and acknowledged by the client's
-- security administrator, the cause and recurrence prevention, closure and the client's
-- publication decision; and the timeline of updates and instructions. Instants in UTC.

create table incident (
    id                        uuid primary key,
    contract_id               uuid          not null references contract (id),
    client_organisation_id    uuid          not null references organisation (id),
    contractor_organisation_id uuid         not null references organisation (id),
    seq                       integer       not null check (seq >= 1),
    category                  varchar(30)   not null check (category in ('LOSS', 'DAMAGE', 'LEAK',
                                  'UNAUTHORISED_ACCESS', 'TAMPERING', 'ERASURE', 'POLICY_VIOLATION', 'TROUBLE', 'OTHER')),
    suspected                 boolean       not null,
    detected_at               timestamptz   not null,
    location                  varchar(200)  not null,
    description               varchar(4000) not null,
    information               varchar(1000),
    record_count              integer check (record_count >= 0),
    containment               varchar(4000),
    status                    varchar(20)   not null check (status in ('REPORTED', 'ACKNOWLEDGED', 'CLOSED')),
    immediately               varchar(20)   not null,
    reported_at               timestamptz   not null,
    reported_by               uuid          not null references user_account (id),
    reporter_name             varchar(100)  not null,
    reporter_organisation_id  uuid          not null references organisation (id),
    report_document_key       varchar(64),
    report_sha256             varchar(64),
    acknowledged_at           timestamptz,
    acknowledged_by           uuid references user_account (id),
    cause                     varchar(4000),
    prevention                varchar(4000),
    prevention_at             timestamptz,
    closed_at                 timestamptz,
    closed_by                 uuid references user_account (id),
    closing_note              varchar(2000),
    publication               varchar(20) check (publication in ('PUBLISH', 'NOT_PUBLISH')),
    publication_reason        varchar(2000),
    publication_decided_at    timestamptz,
    publication_decided_by    uuid references user_account (id),
    version                   bigint        not null default 0,
    constraint incident_seq unique (contract_id, seq),
    constraint incident_acknowledged check ((acknowledged_at is null) = (acknowledged_by is null)),
    constraint incident_closed check ((status = 'CLOSED') = (closed_at is not null)),
    constraint incident_publication check ((publication is null) = (publication_decided_at is null))
);
create index incident_contract on incident (contract_id, reported_at);
-- The banner on every page of the client's users: their organisation's unacknowledged incidents.
create index incident_unacknowledged on incident (client_organisation_id, reported_at) where acknowledged_at is null;
create index incident_open_client on incident (client_organisation_id) where status <> 'CLOSED';
create index incident_open_contractor on incident (contractor_organisation_id) where status <> 'CLOSED';

create table incident_update (
    id                uuid primary key,
    incident_id       uuid          not null references incident (id),
    kind              varchar(20)   not null check (kind in ('REPORTED', 'UPDATE', 'INSTRUCTION', 'ACKNOWLEDGED',
                          'CAUSE', 'CLOSED', 'PUBLICATION')),
    text              varchar(4000),
    author_id         uuid          not null references user_account (id),
    author_name       varchar(100)  not null,
    client_side       boolean       not null,
    occurred_at       timestamptz   not null
);
create index incident_update_incident on incident_update (incident_id, occurred_at);
