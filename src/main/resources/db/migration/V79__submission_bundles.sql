-- One written submission that meets several obligations (issue 20): a roster change notice
-- (変更届) filed to the roster obligation and to the responsible-persons notice, a register
-- extract to two requirements. Each obligation keeps its own submission row, and the rows
-- filed together share a bundle, so that one accept or return decides all of them.
alter table submission add column bundle_id uuid;
create index submission_bundle on submission (bundle_id) where bundle_id is not null;
