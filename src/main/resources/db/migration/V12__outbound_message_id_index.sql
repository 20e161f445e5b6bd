-- A reply is matched to its case by the Message-IDs it answers (In-Reply-To, References): the
-- intake looks each one up in the outbox ledger (OutboxLedger.caseOf). Without this index every
-- reply read the whole ledger, a few rows per case ever opened (issue 12).
create index ft_outbound_email_message on ft_outbound_email (message_id);
