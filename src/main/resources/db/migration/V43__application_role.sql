-- The application connects as a role that owns nothing (granted by ApplicationRoleGrants after
-- every migration): it can neither alter a table, disable a trigger nor create or drop one.
-- What the application does that needs the owner is offered here as narrow functions that run
-- as their owner (SECURITY DEFINER, with a fixed search_path), each checking its own rule.

-- A month's partition of log_line (the month in Tokyo, named log_line_pYYYYMM), unless it exists.
create function itaku_log_partition_create(p_month date) returns void
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    name text;
begin
    if p_month is null or p_month <> date_trunc('month', p_month)::date then
        raise exception 'not the first day of a month: %', p_month using errcode = 'invalid_parameter_value';
    end if;
    name := 'log_line_p' || to_char(p_month, 'YYYYMM');
    perform pg_advisory_xact_lock(hashtext('log_line_partitions'));
    execute format('create table if not exists public.%I partition of public.log_line for values from (%L) to (%L)',
        name, (p_month::timestamp at time zone 'Asia/Tokyo'),
        ((p_month + interval '1 month')::timestamp at time zone 'Asia/Tokyo'));
end;
$$;

-- Drops a month's partition of log_line with every line in it; refused for a month that ended
-- less than three months ago (Gunma 3ウ: logs are kept at least three months).
create function itaku_log_partition_drop(p_month date) returns boolean
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    name text;
begin
    if p_month is null or p_month <> date_trunc('month', p_month)::date then
        raise exception 'not the first day of a month: %', p_month using errcode = 'invalid_parameter_value';
    end if;
    if (p_month + interval '4 months')::date > (now() at time zone 'Asia/Tokyo')::date then
        raise exception 'the log lines of % are within the minimum retention of three months', to_char(p_month, 'YYYY-MM')
            using errcode = 'insufficient_privilege';
    end if;
    name := 'log_line_p' || to_char(p_month, 'YYYYMM');
    perform pg_advisory_xact_lock(hashtext('log_line_partitions'));
    if not exists (select from pg_inherits i join pg_class c on c.oid = i.inhrelid
                   where i.inhparent = 'public.log_line'::regclass and c.relname = name) then
        return false;
    end if;
    execute format('drop table public.%I', name);
    return true;
end;
$$;

-- The audit purge: deletes every entry before a horizon at least three months ago, anchors the
-- chain on the last one deleted, and returns how many were deleted. The purge horizon the
-- delete trigger checks is set only inside this function and cleared again.
create function itaku_audit_purge(p_horizon timestamptz, p_now timestamptz) returns bigint
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    last_seq bigint;
    last_hash varchar(64);
    deleted bigint;
begin
    if p_horizon is null or p_horizon > now() - interval '3 months' then
        raise exception 'audit entries younger than three months cannot be purged'
            using errcode = 'insufficient_privilege';
    end if;
    select seq, entry_hash into last_seq, last_hash from public.audit_entry
        where occurred_at < p_horizon order by seq desc limit 1;
    if last_seq is null then
        return 0;
    end if;
    perform set_config('itaku.audit_purge_before', p_horizon::text, true);
    delete from public.audit_entry where seq <= last_seq;
    get diagnostics deleted = row_count;
    perform set_config('itaku.audit_purge_before', '', true);
    insert into public.audit_chain_anchor (seq, entry_hash, purged_at, purged_count)
        values (last_seq, last_hash, p_now, deleted);
    return deleted;
end;
$$;

revoke execute on function itaku_log_partition_create(date) from public;
revoke execute on function itaku_log_partition_drop(date) from public;
revoke execute on function itaku_audit_purge(timestamptz, timestamptz) from public;
