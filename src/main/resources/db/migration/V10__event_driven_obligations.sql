-- Event-driven obligations: raised by the module that owns the event (a worker leaving, a roster
-- change, an incident…) rather than planned from the contract period. Re-planning a contract never
-- withdraws them.

alter table obligation add column origin varchar(10) not null default 'PLANNED'
    check (origin in ('PLANNED', 'RAISED'));
alter table obligation add column occurred_on date;
-- What the obligation is about, as the raising module names it (e.g. the worker who left).
alter table obligation add column subject varchar(300);
-- Which record raised it, e.g. "RosterMember:<uuid>", to link back and to raise at most once.
alter table obligation add column source varchar(120);
alter table obligation alter column period_key type varchar(60);
create index obligation_source on obligation (source) where source is not null;
