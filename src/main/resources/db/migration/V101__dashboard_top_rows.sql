-- The first page of the dashboard's default orders without sorting every visible contract:
-- the application first reads, in the order of these indexes, the count of the last row the
-- page needs (ComplianceDashboard.floor), and then sorts only the contracts whose count reaches
-- it. At 10,000 contracts that is some twenty index entries and a few dozen rows to sort, instead
-- of a join and a sort of all 10,000.
create index obligation_due_overdue on obligation_due (category, overdue desc) include (contract_id);
create index obligation_due_soon on obligation_due (category, due_soon desc) include (contract_id);

-- The 対応待ち badge's count of submissions awaiting review stops at the number it shows
-- (ComplianceDashboard.awaitingReviewCount): the tally's submitted rows by this index, when few
-- are submitted; the first rows it meets, when many are. It holds no counted column, so that
-- the tally's updates of its counts stay heap-only.
create index obligation_tally_status on obligation_tally (status, contract_id);
