-- the outbox ledger counts the sends whose earlier attempt may have reached the mail server:
-- a row found SENDING on retry is sent again with the same Message-ID, and counted here
alter table ft_outbound_email add column resent_after_unknown_outcome integer default 0 not null;
