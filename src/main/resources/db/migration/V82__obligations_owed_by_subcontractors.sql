-- Issue 19: an obligation the client's request aims at a level of the subcontracting chain is
-- owed by that subcontractor, not by the contractor. owed_by names the subcontractor's
-- organisation and owed_level its level (1: the contractor's own subcontractors); both are
-- null for every obligation the contractor owes, which is every obligation written before.
-- Nullable columns without a default: older nodes keep writing the contractor's obligations.
alter table obligation add column owed_by uuid references organisation (id);
alter table obligation add column owed_level integer;
alter table obligation add constraint obligation_owed_by_level
    check ((owed_by is null) = (owed_level is null) and (owed_level is null or owed_level >= 1));
create index obligation_owed_by on obligation (owed_by, status, due_date) where owed_by is not null;
