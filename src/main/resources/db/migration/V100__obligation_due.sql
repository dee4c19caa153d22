-- The dashboard's default orders (most overdue first, most due within 7 days first) without
-- counting every open obligation of every visible contract on each request: per contract and
-- category, and per contract for all categories together (category ''), the open obligations
-- (OPEN, RETURNED) past their due date and those due within 7 days, as of one day.
--
-- What is overdue depends on the date, so the counts hold for the day in obligation_due_day.
-- Once that day is not today in Tokyo, the application counts every row again for today
-- (ObligationDueTally.count, checked every minute) while it holds a lock that no writer of
-- obligations can hold at the same time; between two counts the triggers below keep the counts
-- in the transaction that raises, changes or removes an obligation, against that same day. The
-- dashboard uses these rows only when their day is today, and counts the open obligations
-- directly otherwise (before the first count, or in the minute after midnight), so a page is
-- exact either way.
--
-- Statement-level triggers with transition tables, like obligation_tally (V87): a bulk
-- statement adds its changes up once per key, and the keys are written in their order so that
-- two writers take the row locks in the same order.
create table obligation_due_day (
    only_row boolean primary key default true check (only_row),
    as_of    date
);

insert into obligation_due_day (only_row, as_of) values (true, null);

create table obligation_due (
    contract_id uuid        not null,
    category    varchar(40) not null,
    overdue     integer     not null,
    due_soon    integer     not null,
    primary key (contract_id, category)
);

-- A default order without a category filter reads the rows of category '' alone, one per contract.
create index obligation_due_category on obligation_due (category, contract_id) include (overdue, due_soon);

-- The day the counts hold for, as a writer of obligations sees it. A writer in READ COMMITTED
-- (every writer of the application) reads the day the last count committed: a count cannot
-- run while the writer holds its lock on obligation. A writer that keeps one snapshot for its
-- whole transaction (REPEATABLE READ, SERIALIZABLE) might read an earlier day, so it does not
-- adjust the counts: it marks them stale, and the next count counts them again.
create function obligation_due_writer_day() returns date language plpgsql as $$
begin
    if current_setting('transaction_isolation') <> 'read committed' then
        update obligation_due_day set as_of = null;
        return null;
    end if;
    return (select as_of from obligation_due_day);
end
$$;

create function obligation_due_inserted() returns trigger language plpgsql as $$
declare
    day date := obligation_due_writer_day();
begin
    if day is not null then
        insert into obligation_due as t (contract_id, category, overdue, due_soon)
        select contract_id, coalesce(category, ''),
            count(*) filter (where due_date < day), count(*) filter (where due_date >= day)
        from new_rows
        where status in ('OPEN', 'RETURNED') and due_date <= day + 7
        group by grouping sets ((contract_id, category), (contract_id))
        order by 1, 2
        on conflict (contract_id, category)
            do update set overdue = t.overdue + excluded.overdue, due_soon = t.due_soon + excluded.due_soon;
    end if;
    return null;
end
$$;

create function obligation_due_deleted() returns trigger language plpgsql as $$
declare
    day date := obligation_due_writer_day();
begin
    if day is not null then
        insert into obligation_due as t (contract_id, category, overdue, due_soon)
        select contract_id, coalesce(category, ''),
            -count(*) filter (where due_date < day), -count(*) filter (where due_date >= day)
        from old_rows
        where status in ('OPEN', 'RETURNED') and due_date <= day + 7
        group by grouping sets ((contract_id, category), (contract_id))
        order by 1, 2
        on conflict (contract_id, category)
            do update set overdue = t.overdue + excluded.overdue, due_soon = t.due_soon + excluded.due_soon;
    end if;
    return null;
end
$$;

create function obligation_due_updated() returns trigger language plpgsql as $$
declare
    day date := obligation_due_writer_day();
begin
    if day is not null then
        insert into obligation_due as t (contract_id, category, overdue, due_soon)
        select contract_id, coalesce(category, ''), sum(overdue), sum(due_soon)
        from (
            select contract_id, category, (due_date < day)::integer as overdue, (due_date >= day)::integer as due_soon
            from new_rows where status in ('OPEN', 'RETURNED') and due_date <= day + 7
            union all
            select contract_id, category, -(due_date < day)::integer, -(due_date >= day)::integer
            from old_rows where status in ('OPEN', 'RETURNED') and due_date <= day + 7) changes
        group by grouping sets ((contract_id, category), (contract_id))
        having sum(overdue) <> 0 or sum(due_soon) <> 0
        order by 1, 2
        on conflict (contract_id, category)
            do update set overdue = t.overdue + excluded.overdue, due_soon = t.due_soon + excluded.due_soon;
    end if;
    return null;
end
$$;

create function obligation_due_truncated() returns trigger language plpgsql as $$
begin
    delete from obligation_due;
    update obligation_due_day set as_of = null;
    return null;
end
$$;

create trigger obligation_due_insert after insert on obligation
    referencing new table as new_rows for each statement execute function obligation_due_inserted();
create trigger obligation_due_update after update on obligation
    referencing old table as old_rows new table as new_rows for each statement execute function obligation_due_updated();
create trigger obligation_due_delete after delete on obligation
    referencing old table as old_rows for each statement execute function obligation_due_deleted();
create trigger obligation_due_truncate after truncate on obligation
    for each statement execute function obligation_due_truncated();

-- The contractors of a client's contracts, for the dashboard's filter: one index probe per
-- contractor (ComplianceDashboard.contractors) instead of reading every contract.
create index contract_client_contractor on contract (client_organisation_id, contractor_organisation_id);
