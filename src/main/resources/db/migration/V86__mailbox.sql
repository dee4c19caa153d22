-- In-app notices (お知らせ, issue 20 item 11): when no mail server is configured
-- (spring.mail.host empty), every mail Itaku would send to a user (reminders, incident and
-- finding alerts, approvals ending…) is kept here for that user instead, and shown in the
-- app with an unread count. With a mail server nothing is written here.
create table mailbox_message (
    id           uuid primary key,
    recipient_id uuid          not null references user_account (id),
    subject      varchar(500)  not null,
    body         text          not null,
    created_at   timestamptz   not null,
    read_at      timestamptz
);
create index mailbox_message_recipient on mailbox_message (recipient_id, created_at desc);
create index mailbox_message_unread on mailbox_message (recipient_id) where read_at is null;
