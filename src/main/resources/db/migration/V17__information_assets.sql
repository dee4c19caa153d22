-- Information assets received from the client (Setagaya 26, Kadoma 6, Nerima 13): the receipts
-- with their custody receipts (預かり証), the assets, and an append-only register of what
-- happened to each asset. Nothing is edited in place: a correction is a new event referring to
-- the event it corrects; the current state of an asset is its latest event.

create table asset_receipt (
    id                uuid primary key,
    contract_id       uuid          not null references contract (id),
    number            varchar(20)   not null,
    receipt_year      integer       not null,
    seq               integer       not null check (seq >= 1),
    received_at       timestamptz   not null,
    receiver_id       uuid          not null references roster_member (id),
    receiver_name     varchar(100)  not null,
    handed_over_by    varchar(200)  not null,
    recorded_at       timestamptz   not null,
    recorded_by       uuid          not null references user_account (id),
    document_key      varchar(64)   not null,
    sha256            varchar(64)   not null,
    file_name         varchar(255)  not null,
    constraint asset_receipt_number unique (contract_id, number),
    constraint asset_receipt_seq unique (contract_id, receipt_year, seq)
);
create index asset_receipt_contract on asset_receipt (contract_id, received_at);

create table asset (
    id                uuid primary key,
    contract_id       uuid          not null references contract (id),
    receipt_id        uuid          not null references asset_receipt (id),
    position          integer       not null check (position >= 1),
    created_at        timestamptz   not null,
    constraint asset_position unique (receipt_id, position)
);
create index asset_contract on asset (contract_id);

create table asset_event (
    id                uuid primary key,
    asset_id          uuid          not null references asset (id),
    contract_id       uuid          not null references contract (id),
    type              varchar(20)   not null check (type in ('RECEIVED', 'CORRECTED')),
    corrects_id       uuid references asset_event (id),
    kind              varchar(20)   not null check (kind in ('PAPER', 'ELECTRONIC_MEDIUM', 'DATA', 'DEVICE', 'SYSTEM_DOCUMENT')),
    description       varchar(200)  not null,
    important         boolean       not null,
    personal          boolean       not null,
    my_number         boolean       not null,
    quantity          integer       not null check (quantity >= 1),
    storage           varchar(20)   not null check (storage in ('LOCKED_CABINET', 'SAFE', 'SERVER', 'OTHER')),
    storage_detail    varchar(200),
    holder_id         uuid          not null references roster_member (id),
    holder_name       varchar(100)  not null,
    reason            varchar(400),
    occurred_at       timestamptz   not null,
    recorded_at       timestamptz   not null,
    recorded_by       uuid          not null references user_account (id),
    constraint asset_event_correction check ((type = 'CORRECTED') = (corrects_id is not null and reason is not null)),
    constraint asset_event_my_number check (not my_number or personal),
    constraint asset_event_corrects_once unique (corrects_id)
);
create index asset_event_asset on asset_event (asset_id, recorded_at);
create index asset_event_contract on asset_event (contract_id);

create function asset_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the asset register is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger asset_event_no_change before update or delete on asset_event
    for each row execute function asset_refuse_change();
create trigger asset_event_no_truncate before truncate on asset_event
    for each statement execute function asset_refuse_change();
create trigger asset_receipt_no_change before update or delete on asset_receipt
    for each row execute function asset_refuse_change();
create trigger asset_receipt_no_truncate before truncate on asset_receipt
    for each statement execute function asset_refuse_change();
