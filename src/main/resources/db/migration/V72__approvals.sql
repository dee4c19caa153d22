-- Prior approvals (事前承認) of the acts a contract's clause profile allows only with the
-- client's prior approval (its BEFORE_ACTION requirements without a dedicated flow: working
-- outside the designated place, giving information to third parties, use outside the
-- purpose, servers outside the client's premises, modifying personal information).
-- Numbered per contract (A-1, A-2…); the maker (the contractor's lead) and the checker (the
-- client's officer or security administrator) are both recorded and never the same user.
create table approval (
    id uuid primary key,
    contract_id uuid not null references contract (id),
    seq integer not null,
    action varchar(60) not null,
    clause_ref varchar(60) not null,
    requirement_key varchar(80) not null,
    deliverable varchar(60),
    reason text not null,
    location text,
    third_party text,
    safeguards text,
    purpose text,
    period_from date,
    period_until date,
    systems text,
    information text,
    subject varchar(300),
    status varchar(20) not null,
    applied_by uuid not null,
    applied_by_organisation_id uuid not null,
    applied_at timestamp with time zone not null,
    decided_by uuid,
    decided_at timestamp with time zone,
    conditions text,
    valid_from date,
    valid_until date,
    rejection_reason text,
    ended_by uuid,
    ended_at timestamp with time zone,
    end_reason text,
    expiry_reminded_at timestamp with time zone,
    document_key varchar(200) not null,
    document_sha256 varchar(64) not null,
    file_name varchar(300) not null,
    constraint approval_seq_unique unique (contract_id, seq),
    constraint approval_validity check (valid_until is null or valid_from is null or valid_until >= valid_from),
    constraint approval_maker_checker check (decided_by is null or decided_by <> applied_by)
);

create index approval_contract_idx on approval (contract_id, action, status);

-- Files attached to an application, each with its SHA-256 (stored by the document store).
create table approval_attachment (
    id uuid primary key,
    approval_id uuid not null references approval (id),
    document_key varchar(200) not null,
    sha256 varchar(64) not null,
    file_name varchar(300) not null,
    content_type varchar(100) not null,
    size bigint not null,
    uploaded_by uuid not null,
    uploaded_at timestamp with time zone not null
);

create index approval_attachment_approval_idx on approval_attachment (approval_id);
