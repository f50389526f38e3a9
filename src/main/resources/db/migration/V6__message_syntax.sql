-- The syntax a message arrived or left in: XML (the CPT message guides) or EDI (UN/EDIFACT, translated to XML
-- at admission). Statistics and the XML adoption report count by it.
alter table message add column syntax varchar(8) default 'XML' not null;
