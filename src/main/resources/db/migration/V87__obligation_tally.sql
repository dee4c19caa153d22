-- The dashboard's state counts, kept by the database in the transaction that changes an
-- obligation: one row per contract, category and stored state with the number of obligations in
-- it. The dashboard reads these rows for a page's contracts instead of counting their obligations
-- on every request; what depends on today's date (overdue, due within 7 days, the next due date)
-- is read from the open obligations alone (the partial index below), never from all of them.
--
-- Triggers rather than code in the entity or the service: every writer of obligation rows keeps
-- the counts, the application's entity and repository as well as SQL written elsewhere (bulk
-- updates in migrations such as V67 and V78, the benchmark's seeding, tests that move a due
-- date). They are statement-level with transition tables, so a bulk statement adds its changes
-- up once per key instead of once per row; the keys are written in their order, so two
-- transactions that move obligations between the same states take the row locks in the same
-- order and cannot deadlock on them.
create table obligation_tally (
    contract_id uuid        not null,
    category    varchar(40) not null,
    status      varchar(20) not null,
    n           integer     not null,
    primary key (contract_id, category, status)
);

create function obligation_tally_inserted() returns trigger language plpgsql as $$
begin
    insert into obligation_tally as t (contract_id, category, status, n)
    select contract_id, category, status, count(*) from new_rows
    group by contract_id, category, status
    order by contract_id, category, status
    on conflict (contract_id, category, status) do update set n = t.n + excluded.n;
    return null;
end
$$;

create function obligation_tally_deleted() returns trigger language plpgsql as $$
begin
    insert into obligation_tally as t (contract_id, category, status, n)
    select contract_id, category, status, -count(*) from old_rows
    group by contract_id, category, status
    order by contract_id, category, status
    on conflict (contract_id, category, status) do update set n = t.n + excluded.n;
    return null;
end
$$;

create function obligation_tally_updated() returns trigger language plpgsql as $$
begin
    insert into obligation_tally as t (contract_id, category, status, n)
    select contract_id, category, status, sum(d) from (
        select contract_id, category, status, 1 as d from new_rows
        union all
        select contract_id, category, status, -1 from old_rows) changes
    group by contract_id, category, status
    having sum(d) <> 0
    order by contract_id, category, status
    on conflict (contract_id, category, status) do update set n = t.n + excluded.n;
    return null;
end
$$;

create function obligation_tally_truncated() returns trigger language plpgsql as $$
begin
    delete from obligation_tally;
    return null;
end
$$;

create trigger obligation_tally_insert after insert on obligation
    referencing new table as new_rows for each statement execute function obligation_tally_inserted();
create trigger obligation_tally_update after update on obligation
    referencing old table as old_rows new table as new_rows for each statement execute function obligation_tally_updated();
create trigger obligation_tally_delete after delete on obligation
    referencing old table as old_rows for each statement execute function obligation_tally_deleted();
create trigger obligation_tally_truncate after truncate on obligation
    for each statement execute function obligation_tally_truncated();

-- The obligations there are now.
insert into obligation_tally (contract_id, category, status, n)
select contract_id, category, status, count(*) from obligation group by contract_id, category, status;

-- Overdue, due soon and the next due date: the open obligations of a contract by due date.
create index obligation_open_due on obligation (contract_id, due_date) include (category)
    where status in ('OPEN', 'RETURNED');
