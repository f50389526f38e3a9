-- Statistics, the XML adoption report and the connection test.
--
-- Test mode: a message sent for the connection test (POST /api/v1/test/messages, or the JMS property
-- OneWindowTest=true) and the case it opens are marked, so that they stay out of production: the party's
-- normal case queries, the statistics and the adoption report leave them out. V9_1 lets a test case carry
-- the same declaration number as a production case.
alter table message add column test_mode boolean default false not null;
alter table trade_case add column test_mode boolean default false not null;

-- Statistics and the adoption report read a party's inbound messages over a time range; the admin view and
-- the live counters read everyone's (the last hour).
create index message_by_sender_time on message (sender, received_at);
create index message_by_time on message (received_at);
-- Live clearance counters: the declarations' transitions of the last hour.
create index case_event_by_time on case_event (occurred_at);
-- The connection test reads a party's test cases.
create index trade_case_by_submitter on trade_case (submitter, test_mode);
