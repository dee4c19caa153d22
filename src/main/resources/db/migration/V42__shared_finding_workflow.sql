-- Every finding — of an inspection or of the log checks — follows one workflow (the finding
-- module's FindingStatus): OPEN → ACKNOWLEDGED → EXPLAINED → RETURNED / CLOSED. An
-- inspection finding's statuses take the shared names: recorded is OPEN, instructed (改善指示)
-- is ACKNOWLEDGED, responded is EXPLAINED. The log findings' side is V41.
alter table inspection_finding drop constraint inspection_finding_status_check;
update inspection_finding set status = case status
    when 'RECORDED' then 'OPEN'
    when 'INSTRUCTED' then 'ACKNOWLEDGED'
    when 'RESPONDED' then 'EXPLAINED'
    else status end;
alter table inspection_finding add constraint inspection_finding_status_check
    check (status in ('OPEN', 'ACKNOWLEDGED', 'EXPLAINED', 'RETURNED', 'CLOSED'));
