-- The clean-up of the e-mail notifications (waarborg.mail.retention) finds old rows by age.
CREATE INDEX ix_wb_mail_digest_item_created ON wb_mail_digest_item (created_at);
CREATE INDEX ix_wb_deadline_notice_noticed ON wb_deadline_notice (noticed_at);
