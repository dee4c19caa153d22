-- Notices and reports (届出・報告) of events no other flow records: numbered per contract,
-- dated by the day the event happened (Tokyo), filed by a party to the contract.
create table notice (
    id uuid primary key,
    contract_id uuid not null references contract (id),
    seq integer not null,
    kind varchar(40) not null,
    deliverable varchar(60),
    occurred_on date not null,
    description text not null,
    filed_by uuid not null,
    filed_by_name varchar(200) not null,
    filed_by_organisation_id uuid not null,
    filed_at timestamp with time zone not null,
    constraint notice_seq_unique unique (contract_id, seq)
);
