-- Summarises the block ranges of a month's partition of log_line that its block-range index
-- does not cover yet (issue 21). PostgreSQL summarises new ranges only in VACUUM: until then
-- the index returns every page of them, so that right after a batch is stored each finding's
-- evidence read the whole month. Ingestion calls this for the months a batch wrote to, in its
-- transaction (the summary covers the lines not yet committed; a rolled-back batch leaves a
-- summary wider than needed, which is still correct). Returns the ranges summarised.
create function itaku_log_partition_summarize(p_month date) returns integer
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    name text;
    idx regclass;
    done integer := 0;
begin
    if p_month is null or p_month <> date_trunc('month', p_month)::date then
        raise exception 'not the first day of a month: %', p_month using errcode = 'invalid_parameter_value';
    end if;
    name := 'log_line_p' || to_char(p_month, 'YYYYMM');
    for idx in select i.indexrelid::regclass from pg_index i
               join pg_class c on c.oid = i.indrelid
               join pg_inherits h on h.inhrelid = c.oid and h.inhparent = 'public.log_line'::regclass
               join pg_class x on x.oid = i.indexrelid
               join pg_am a on a.oid = x.relam and a.amname = 'brin'
               where c.relname = name loop
        done := done + brin_summarize_new_values(idx);
    end loop;
    return done;
end;
$$;

revoke execute on function itaku_log_partition_summarize(date) from public;
