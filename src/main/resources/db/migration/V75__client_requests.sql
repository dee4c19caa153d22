-- The client's requests for a report or material (報告・資料の請求; Nerima 22 and 22②, Gunma 9
-- and 15③, Kadoma 8(5) and 11(4), Setagaya 10): numbered per contract, each naming the
-- requirement of the contract's profile it invokes. The obligations it raised point back to it
-- through their source ("ClientRequest:<id>") and their occurrence key ("REQ-<seq>").
create table client_request (
    id uuid primary key,
    contract_id uuid not null references contract (id),
    seq integer not null,
    requirement_key varchar(120) not null,
    clause_ref varchar(80) not null,
    deliverable varchar(60) not null,
    description text not null,
    due_on date not null,
    period_from date,
    period_to date,
    chain_level integer,
    requested_by uuid not null,
    requested_by_name varchar(200) not null,
    requested_at timestamp with time zone not null,
    constraint client_request_seq_unique unique (contract_id, seq),
    constraint client_request_period check ((period_from is null) = (period_to is null)
        and (period_from is null or period_from <= period_to)),
    constraint client_request_chain_level check (chain_level is null or chain_level >= 1)
);
