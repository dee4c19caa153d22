-- Issue 19, Setagaya 33 (再受託者も同様): an audit or inspection is aimed at the contractor itself or
-- at one approved subcontractor of the contract's chain. inspected_organisation_id names that
-- subcontractor and inspected_level its level (1: the contractor's own subcontractors); both are
-- null for an inspection of the contractor, which is every inspection planned before.
alter table inspection add column inspected_organisation_id uuid references organisation (id);
alter table inspection add column inspected_level integer;
alter table inspection add constraint inspection_inspected_level
    check ((inspected_organisation_id is null) = (inspected_level is null)
        and (inspected_level is null or inspected_level >= 1));
create index inspection_inspected on inspection (contract_id, inspected_organisation_id)
    where inspected_organisation_id is not null;

-- The free text "subcontractors in scope" has no purpose left: an inspection of a subcontractor
-- is aimed at it. What was written there stays part of the plan, appended to its scope (widened
-- for it; the application still takes 2000 characters from the form).
alter table inspection alter column scope type varchar(3100);
update inspection
   set scope = scope || E'\n' || '対象とする再受託者: ' || subcontractors_in_scope,
       subcontractors_in_scope = null
 where subcontractors_in_scope is not null and btrim(subcontractors_in_scope) <> '';

-- A node of the previous version may still plan an inspection with that text during a rolling
-- upgrade: it is folded into the scope the same way, so nothing written is lost. The column goes
-- one release later (README, "Upgrading with Flyway while nodes run").
create function inspection_fold_subcontractors() returns trigger language plpgsql as $$
begin
    if new.subcontractors_in_scope is not null and btrim(new.subcontractors_in_scope) <> '' then
        new.scope := new.scope || E'\n' || '対象とする再受託者: ' || new.subcontractors_in_scope;
    end if;
    new.subcontractors_in_scope := null;
    return new;
end;
$$;

create trigger inspection_fold_subcontractors before insert on inspection
    for each row execute function inspection_fold_subcontractors();
