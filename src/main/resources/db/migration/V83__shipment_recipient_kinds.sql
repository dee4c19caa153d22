-- Issue 19: a shipment's recipient as a structured choice (Nerima 第14条, Gunma 第12条 and
-- 第13条第6項: giving information to a third party needs the client's prior approval). The
-- free-text recipient stays (the person who receives it); beside it, whom the shipment goes
-- to: the client, the contractor, an approved subcontractor of the chain (named), or a third
-- party (with the approval that allows it, when the profile asks for one).
-- Rows written before say UNRECORDED: nothing was recorded then, and nothing is made up now.
-- The default stays, so a node still on the previous version keeps inserting during an upgrade.
alter table asset_shipment add column recipient_kind varchar(20) not null default 'UNRECORDED'
    check (recipient_kind in ('CLIENT', 'CONTRACTOR', 'SUBCONTRACTOR', 'THIRD_PARTY', 'UNRECORDED'));
alter table asset_shipment add column recipient_organisation_id uuid references organisation (id);
alter table asset_shipment add column approval_id uuid references approval (id);
alter table asset_shipment add constraint asset_shipment_recipient_organisation
    check ((recipient_kind = 'SUBCONTRACTOR') = (recipient_organisation_id is not null));
alter table asset_shipment add constraint asset_shipment_approval
    check (approval_id is null or recipient_kind = 'THIRD_PARTY');
create index asset_shipment_approval on asset_shipment (approval_id) where approval_id is not null;
