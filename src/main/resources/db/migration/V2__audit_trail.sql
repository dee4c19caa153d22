-- The audit trail: append-only, hash-chained. Each entry stores the SHA-256 of the previous
-- entry's hash and its own content; the database refuses UPDATE, TRUNCATE, and DELETE of any
-- entry younger than the purge horizon the purging session sets (never less than 3 months).

create table audit_entry (
    seq              bigint       primary key,
    occurred_at      timestamptz  not null,
    user_id          uuid,
    username         varchar(64),
    organisation_id  uuid,
    action           varchar(80)  not null,
    target_type      varchar(80),
    target_id        varchar(100),
    client_ip        varchar(64),
    outcome          varchar(20)  not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    details          text         not null,
    previous_hash    varchar(64)     not null,
    entry_hash       varchar(64)     not null
);
create index audit_entry_occurred_at on audit_entry (occurred_at);
create index audit_entry_user on audit_entry (user_id);
create index audit_entry_action on audit_entry (action);
create index audit_entry_target on audit_entry (target_type, target_id);

-- Where the chain continues after a purge: the last purged entry's sequence number and hash.
create table audit_chain_anchor (
    seq          bigint      primary key,
    entry_hash   varchar(64)    not null,
    purged_at    timestamptz not null,
    purged_count bigint      not null
);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create function audit_guard_delete() returns trigger language plpgsql as $$
declare
    horizon timestamptz;
begin
    horizon := nullif(current_setting('itaku.audit_purge_before', true), '')::timestamptz;
    if horizon is null or horizon > now() - interval '3 months' or old.occurred_at >= horizon then
        raise exception 'audit entry % is within its retention period and cannot be deleted', old.seq
            using errcode = 'insufficient_privilege';
    end if;
    return old;
end;
$$;

create trigger audit_entry_no_update before update on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_guard_delete before delete on audit_entry
    for each row execute function audit_guard_delete();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger audit_chain_anchor_no_update before update or delete on audit_chain_anchor
    for each row execute function audit_refuse_change();
create trigger audit_chain_anchor_no_truncate before truncate on audit_chain_anchor
    for each statement execute function audit_refuse_change();
