-- A corrective action of a self-inspection (Kadoma 11(1)) not done by its due date is followed up:
-- the contractor's leads are mailed when it is due within the reminder window and again when it is
-- overdue, each stage once per action whatever the number of nodes.
create table self_inspection_action_reminder (
    answer_id   uuid          not null references self_inspection_answer (id),
    stage       varchar(10)   not null check (stage in ('DUE_SOON', 'OVERDUE')),
    sent_at     timestamptz   not null,
    primary key (answer_id, stage)
);
-- The open actions the daily job looks at.
create index self_inspection_answer_open_action on self_inspection_answer (action_due)
    where answer = 'NO' and action_done_on is null;
