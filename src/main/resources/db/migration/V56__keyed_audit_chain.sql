-- The keyed audit chain (HMAC-SHA256 with a key kept outside the database, beside the field-
-- encryption keyset) and the checkpoints of its head written outside the database.

-- Where the chain became keyed: the entry at seq is the switch (action AUDIT_CHAIN_KEYED, still
-- hashed with plain SHA-256); every later entry's hash is the HMAC of the key with this
-- fingerprint. chain_id names the chain in the checkpoints' object names. Insert-only.
create table audit_chain_key (
    seq          bigint       primary key,
    chain_id     uuid         not null,
    key_id       bigint       not null,
    fingerprint  char(64)     not null,
    keyed_at     timestamptz  not null
);

-- The checkpoints written (the copy that counts is the one in the document store and in the
-- mails; this is the record of when, why and to how many it was mailed). Insert-only.
create table audit_checkpoint (
    chain_id     uuid         not null,
    seq          bigint       not null,
    entry_hash   varchar(64)  not null,
    written_at   timestamptz  not null,
    mac          varchar(64)  not null,
    trigger      varchar(20)  not null check (trigger in ('SCHEDULED', 'ON_DEMAND')),
    mailed_to    integer      not null check (mailed_to >= 0),
    primary key (chain_id, seq, written_at)
);
create index audit_checkpoint_written_at on audit_checkpoint (written_at);

create trigger audit_chain_key_no_change before update or delete on audit_chain_key
    for each row execute function audit_refuse_change();
create trigger audit_chain_key_no_truncate before truncate on audit_chain_key
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_no_change before update or delete on audit_checkpoint
    for each row execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();
