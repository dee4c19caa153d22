-- What happens to information assets after receipt (Setagaya 5–8, 27–31; Kadoma 2(7), 7(2)イ,
-- 9, 14(5); Nerima 17–21; Gunma 13): requests the client approves (copy, take-out, bring-in,
-- disposal, return), shipments, and the operational backups declared once per contract.
-- Each physical movement of an asset is a new row of the append-only asset_event register.

-- A copy is an asset of its own, derived from the asset copied; it has no receipt.
alter table asset alter column receipt_id drop not null;
alter table asset add column derived_from uuid references asset (id);
alter table asset add constraint asset_origin check ((receipt_id is null) = (derived_from is not null));

create table asset_request (
    id                     uuid primary key,
    contract_id            uuid          not null references contract (id),
    type                   varchar(12)   not null check (type in ('COPY', 'TAKE_OUT', 'BRING_IN', 'DISPOSAL', 'RETURN')),
    number                 varchar(20)   not null,
    request_year           integer       not null,
    seq                    integer       not null check (seq >= 1),
    status                 varchar(12)   not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'IN_PROGRESS', 'WITNESSED', 'REPORTED', 'COMPLETED')),
    purpose                varchar(400)  not null,
    copies                 integer check (copies >= 1),
    destination            varchar(200),
    planned_start          timestamptz,
    planned_end            timestamptz,
    person_id              uuid references roster_member (id),
    person_name            varchar(100),
    encrypted              boolean       not null default false,
    password_protected     boolean       not null default false,
    locked_container       boolean       not null default false,
    other_measures         varchar(200),
    item_description       varchar(200),
    item_kind              varchar(20),
    method                 varchar(24),
    third_party            varchar(200),
    include_backups        boolean       not null default false,
    requested_by           uuid          not null references user_account (id),
    requested_at           timestamptz   not null,
    application_key        varchar(64)   not null,
    application_sha256     varchar(64)   not null,
    decided_by             uuid references user_account (id),
    decided_by_name        varchar(100),
    decided_at             timestamptz,
    decision_comment       varchar(400),
    third_party_approved   boolean       not null default false,
    witness_id             uuid references user_account (id),
    witness_name           varchar(100),
    witnessed_at           timestamptz,
    witness_remarks        varchar(400),
    started_at             timestamptz,
    started_by_name        varchar(100),
    completed_at           timestamptz,
    completed_by_name      varchar(100),
    completion_detail      varchar(400),
    received_by_name       varchar(100),
    confirmed_by           uuid references user_account (id),
    confirmed_at           timestamptz,
    certificate_key        varchar(64),
    certificate_sha256     varchar(64),
    certificate_file       varchar(255),
    overdue_notified_at    timestamptz,
    version                integer       not null default 0,
    constraint asset_request_number unique (contract_id, number),
    constraint asset_request_seq unique (contract_id, request_year, seq),
    constraint asset_request_decision check ((status in ('REQUESTED', 'WITHDRAWN')) = (decided_at is null)),
    constraint asset_request_maker_checker check (decided_by is null or decided_by <> requested_by),
    constraint asset_request_third_party check (third_party is null or status in ('REQUESTED', 'REJECTED', 'WITHDRAWN') or third_party_approved)
);
create index asset_request_contract on asset_request (contract_id, requested_at);
create index asset_request_open_take_outs on asset_request (planned_end) where type = 'TAKE_OUT' and status = 'IN_PROGRESS';

create table asset_request_item (
    request_id        uuid          not null references asset_request (id),
    asset_id          uuid          not null references asset (id),
    position          integer       not null check (position >= 1),
    primary key (request_id, asset_id)
);
create index asset_request_item_asset on asset_request_item (asset_id);

create table asset_shipment (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id),
    asset_id            uuid          not null references asset (id),
    number              varchar(20)   not null,
    method              varchar(20)   not null check (method in ('TRACKED_MAIL', 'REGISTERED_MAIL', 'COURIER', 'HAND_CARRY', 'ORDINARY_MAIL')),
    tracking_number     varchar(40),
    encrypted           boolean       not null,
    password_protected  boolean       not null,
    locked_container    boolean       not null,
    confidential        boolean       not null,
    destination         varchar(200)  not null,
    recipient           varchar(100)  not null,
    shipped_at          timestamptz   not null,
    sender_id           uuid          not null references roster_member (id),
    sender_name         varchar(100)  not null,
    recorded_by         uuid          not null references user_account (id),
    recorded_at         timestamptz   not null,
    arrived_at          timestamptz,
    arrival_confirmed_by varchar(100),
    version             integer       not null default 0,
    constraint asset_shipment_number unique (contract_id, number)
);
create index asset_shipment_contract on asset_shipment (contract_id, shipped_at);

create table asset_backup (
    contract_id       uuid primary key references contract (id),
    description       varchar(400)  not null,
    storage           varchar(200)  not null,
    retention         varchar(200)  not null,
    declared_by       uuid          not null references user_account (id),
    declared_at       timestamptz   not null,
    approved_by       uuid references user_account (id),
    approved_by_name  varchar(100),
    approved_at       timestamptz,
    erased_by_request uuid references asset_request (id),
    erased_at         timestamptz,
    version           integer       not null default 0,
    constraint asset_backup_maker_checker check (approved_by is null or approved_by <> declared_by)
);

-- Register rows now carry where the asset is after the row, and what caused it.
alter table asset_event drop constraint asset_event_type_check;
alter table asset_event add constraint asset_event_type_check check (type in
    ('RECEIVED', 'CORRECTED', 'COPIED', 'TAKEN_OUT', 'BROUGHT_BACK', 'SHIPPED', 'ARRIVED', 'RETURNED', 'DISPOSED'));
alter table asset_event add column status varchar(12) not null default 'IN_CUSTODY'
    check (status in ('IN_CUSTODY', 'TAKEN_OUT', 'IN_TRANSIT', 'RETURNED', 'DISPOSED'));
alter table asset_event add column request_id uuid references asset_request (id);
alter table asset_event add column shipment_id uuid references asset_shipment (id);
