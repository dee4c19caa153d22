-- When a contract was closed, and until when the client's rights that outlive it run
-- (Kadoma 11(4): inspections and requests for material after the contract; the period is
-- itaku.contract.post-closing-rights, fixed on the contract when it is closed).
alter table contract add column closed_at timestamptz;
alter table contract add column client_rights_until date;

-- Contracts closed before: closed at their last change, with the default period (5 years).
update contract
   set closed_at = updated_at,
       client_rights_until = ((updated_at at time zone 'Asia/Tokyo')::date + interval '5 years')::date
 where status = 'CLOSED';

alter table contract add constraint contract_closed_consistent
    check ((status = 'CLOSED') = (closed_at is not null and client_rights_until is not null));
