-- The log findings join the workflow every finding shares (see V42): the client may return
-- an explanation to the contractor with a comment (RETURNED), and the contractor explains
-- again.
alter table log_finding drop constraint log_finding_status_check;
alter table log_finding add constraint log_finding_status_check
    check (status in ('OPEN', 'ACKNOWLEDGED', 'EXPLAINED', 'RETURNED', 'CLOSED'));
alter table log_finding add column return_comment varchar(2000);
alter table log_finding add constraint log_finding_returned
    check (status <> 'RETURNED' or return_comment is not null);
