-- What a mail server said about an email it could not deliver, read from a delivery status
-- notification (RFC 3464) or a non-standard bounce, kept next to the inbound message it came in:
-- the returned email's headers lead the bounce to its case.
create table ft_inbound_delivery_report (
  message_id           varchar(300)  not null primary key,
  action               varchar(16)   not null,
  status_code          varchar(16),
  final_recipients     varchar(2000),
  diagnostic           varchar(1000),
  original_message_id  varchar(300),
  original_in_reply_to varchar(300),
  original_references  varchar(2000),
  original_subject     varchar(1000),
  original_text        varchar(100000),
  standard_report      boolean       not null
);
