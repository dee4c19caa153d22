-- Pledges (誓約書) and training (教育・研修 / 訓練): Setagaya 16, Kadoma 1(2)(3) and 5, Nerima 9–10,
-- Nerima 24③. A worker is ready to start only with a signed pledge and a training record.

-- One pledge of one roster member: the text generated from the contract's profile (kept verbatim
-- with its SHA-256, so what was signed can be proved), signed either by an uploaded scan of the
-- signed paper or by the worker's own acknowledgement in the system.
create table pledge (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id),
    member_id           uuid          not null references roster_member (id),
    pledge_date         date          not null,
    body                text          not null,
    body_sha256         varchar(64)   not null,
    document_key        varchar(64)   not null,
    document_sha256     varchar(64)   not null,
    created_by          uuid          not null references user_account (id),
    created_at          timestamptz   not null,
    signed_via          varchar(20) check (signed_via in ('UPLOAD', 'ACKNOWLEDGEMENT')),
    signed_on           date,
    signed_at           timestamptz,
    signed_by           uuid references user_account (id),
    signed_document_key varchar(64),
    signed_sha256       varchar(64),
    signed_file_name    varchar(255),
    version             bigint        not null default 0,
    constraint pledge_signed check ((signed_via is null and signed_at is null and signed_by is null)
        or (signed_via is not null and signed_at is not null and signed_by is not null and signed_on is not null)),
    constraint pledge_upload check (signed_via is distinct from 'UPLOAD'
        or (signed_document_key is not null and signed_sha256 is not null))
);
create index pledge_member on pledge (member_id);
create index pledge_contract on pledge (contract_id);

-- A training session (研修) or an emergency-response drill (訓練) of a contract.
create table training_session (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id),
    kind                varchar(10)   not null check (kind in ('TRAINING', 'DRILL')),
    held_on             date          not null,
    content             varchar(2000) not null,
    scenario            varchar(2000),
    trainer             varchar(200)  not null,
    result              varchar(2000),
    improvements        varchar(2000),
    materials_key       varchar(64),
    materials_sha256    varchar(64),
    materials_file_name varchar(255),
    recorded_by         uuid          not null references user_account (id),
    recorded_at         timestamptz   not null,
    version             bigint        not null default 0,
    constraint training_session_drill check (kind = 'TRAINING' or scenario is not null)
);
create index training_session_contract on training_session (contract_id, held_on);

-- Who attended a session or took part in a drill, with the result for each.
create table training_attendance (
    session_id          uuid          not null references training_session (id),
    member_id           uuid          not null references roster_member (id),
    result              varchar(12)   not null check (result in ('COMPLETED', 'ATTENDED', 'INCOMPLETE', 'ABSENT')),
    primary key (session_id, member_id)
);
create index training_attendance_member on training_attendance (member_id);

-- Which written record was submitted to which obligation (the submission itself lives with the
-- obligation; this says where a pledge or a session went).
create table training_filing (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id),
    subject_type        varchar(10)   not null check (subject_type in ('PLEDGE', 'SESSION')),
    subject_id          uuid          not null,
    obligation_id       uuid          not null references obligation (id),
    submission_id       uuid          not null references submission (id),
    filed_by            uuid          not null references user_account (id),
    filed_at            timestamptz   not null,
    sha256              varchar(64)   not null
);
create index training_filing_subject on training_filing (subject_type, subject_id);
