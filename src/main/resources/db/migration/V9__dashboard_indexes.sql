-- The compliance dashboard counts obligations by contract and state on every request. These
-- indexes carry every column the counts read, so that they are answered from the index alone.

-- A page's counts: every obligation of the contracts shown. Its leading column serves every
-- lookup by contract, so it replaces obligation_contract.
create index obligation_contract_state on obligation (contract_id, status, due_date) include (category);
drop index if exists obligation_contract;

-- Ordering the rows by a state (overdue, due soon, awaiting review): only the obligations in that
-- state, across the visible contracts. Same leading columns as obligation_due, which it replaces.
create index obligation_state_due on obligation (status, due_date) include (contract_id, category);
drop index if exists obligation_due;
