-- The global search (issue 20, item 9): one folding of text for what is stored and what is
-- searched for, and trigram indexes over the folded text of what the search reads.
--
-- itaku_fold: NFKC (ｶﾀｶﾅ = カタカナ, full-width digits and letters = ASCII), lower case, and the
-- one or two hiragana of okurigana between two kanji dropped (持ち出し, 持出し -> 持出し;
-- 取り扱い, 取扱い -> 取扱い). Immutable, so that indexes can be built on it; the application
-- folds the text searched for with the same function (SearchText), so both sides always agree.
-- pg_trgm is created by V3 (a trusted extension: the database owner may create it).
create extension if not exists pg_trgm;

create function itaku_fold(t text) returns text
    language sql immutable strict parallel safe
    as $$ select regexp_replace(lower(normalize(t, NFKC)), '([一-龥々〆])[ぁ-ゖ]{1,2}(?=[一-龥々〆])', '\1', 'g') $$;

-- Only what is stored in clear is indexed and searched: a roster member's nationality and the
-- other fields encrypted at rest are not (they are ciphertext here).
create index contract_search_trigram on contract
    using gin (itaku_fold(number || ' ' || title || ' ' || coalesce(client_department, '')) gin_trgm_ops);
create index obligation_search_trigram on obligation
    using gin (itaku_fold(summary || ' ' || coalesce(summary_en, '') || ' ' || clause_ref) gin_trgm_ops);
create index roster_member_search_trigram on roster_member using gin (itaku_fold(name) gin_trgm_ops);
create index user_account_search_trigram on user_account
    using gin (itaku_fold(username || ' ' || display_name) gin_trgm_ops);
create index asset_event_search_trigram on asset_event using gin (itaku_fold(description) gin_trgm_ops);
create index incident_search_trigram on incident
    using gin (itaku_fold(location || ' ' || description) gin_trgm_ops);
create index clause_search_trigram on clause
    using gin (itaku_fold(coalesce(heading, '') || ' ' || text) gin_trgm_ops);
