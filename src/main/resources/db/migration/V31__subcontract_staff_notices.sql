-- Gunma 14③: the contractor names each subcontractor's security lead and workers to the client in
-- writing once the subcontract is approved, and tells it of every change promptly. One row per
-- written notice (再委託先従事者届), numbered per subcontract, never changed.
create table subcontract_staff_notice (
    id                uuid primary key,
    subcontract_id    uuid          not null references subcontract (id),
    contract_id       uuid          not null references contract (id),
    number            int           not null,
    security_lead     varchar(200),
    workers           int           not null,
    filed_by          uuid          not null references user_account (id),
    filed_at          timestamptz   not null,
    document_key      varchar(100)  not null,
    sha256            varchar(64)   not null,
    file_name         varchar(200)  not null,
    unique (subcontract_id, number)
);
