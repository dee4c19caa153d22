-- Client-issued IDs (門真市 特記仕様書 4(2)–(4)): the verification ID (照合ID) the city issues to
-- each work lead and worker, and the operator IDs (操作者ID) it hangs under it, with the days they
-- were issued and revoked and who recorded it. An ID not revoked whose worker is no longer active
-- is a finding, computed when read; nothing here is derived or cached.

create table client_issued_id (
    id              uuid primary key,
    contract_id     uuid          not null references contract (id),
    member_id       uuid          not null references roster_member (id),
    kind            varchar(12)   not null check (kind in ('VERIFICATION', 'OPERATOR')),
    -- An operator ID belongs to a verification ID of the same worker.
    parent_id       uuid references client_issued_id (id),
    value           varchar(64)   not null,
    system_name     varchar(200)  not null,
    scope_note      varchar(500),
    issued_on       date          not null,
    issued_by       uuid          not null references user_account (id),
    revoked_on      date,
    revoked_by      uuid references user_account (id),
    revocation_note varchar(500),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0,
    constraint client_issued_id_parent check ((kind = 'OPERATOR') = (parent_id is not null)),
    constraint client_issued_id_revoked_after_issue check (revoked_on is null or revoked_on >= issued_on),
    constraint client_issued_id_revoked_by check ((revoked_on is null) = (revoked_by is null))
);
-- An ID value names one person on a contract while it is active.
create unique index client_issued_id_active_value on client_issued_id (contract_id, value) where revoked_on is null;
create index client_issued_id_member on client_issued_id (contract_id, member_id);
create index client_issued_id_parent on client_issued_id (parent_id) where parent_id is not null;
create index client_issued_id_active on client_issued_id (contract_id) where revoked_on is null;
