-- The janitor removes stored documents that no record refers to (the files of uploads that lost
-- a race or failed after storing). Before it removes one it asks every table that refers to
-- documents whether one of its rows does (janitor/DocumentReferences); these indexes answer that
-- without reading the tables.
create index submission_file_document on submission_file (document_key);
create index roster_notice_document on roster_notice (document_key);
create index emergency_contact_version_document on emergency_contact_version (document_key);
create index pledge_document on pledge (document_key);
create index pledge_signed_document on pledge (signed_document_key) where signed_document_key is not null;
create index training_session_materials on training_session (materials_key) where materials_key is not null;
create index work_schedule_document on work_schedule (document_key) where document_key is not null;
create index asset_receipt_document on asset_receipt (document_key);
create index asset_request_application on asset_request (application_key);
create index asset_request_certificate on asset_request (certificate_key) where certificate_key is not null;
create index incident_report_document on incident (report_document_key) where report_document_key is not null;
create index subcontract_document on subcontract (document_key);
create index self_inspection_document on self_inspection (document_key) where document_key is not null;
create index self_inspection_answer_evidence on self_inspection_answer (evidence_key) where evidence_key is not null;
create index inspection_evidence_document on inspection_evidence (document_key);
create index subcontract_staff_notice_document on subcontract_staff_notice (document_key);
