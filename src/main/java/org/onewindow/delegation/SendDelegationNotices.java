package org.onewindow.delegation;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the recorded delegation notices (called by the notice timer). A failed attempt is logged and recorded
 * with its reason and tried again on a later run, up to the configured number of attempts; then the notice is
 * FAILED and stays for the operator to see. The delegation itself never depends on the mail.
 */
public final class SendDelegationNotices {
    private static final Logger LOG = LoggerFactory.getLogger(SendDelegationNotices.class);
    private static final int BATCH = 50;

    private final NoticeStore notices;
    private final SmtpMailer mailer;
    private final int maxAttempts;

    public SendDelegationNotices(NoticeStore notices, SmtpMailer mailer, int maxAttempts) {
        this.notices = notices;
        this.mailer = mailer;
        this.maxAttempts = maxAttempts;
    }

    /** Sends what is pending; returns how many went out. */
    public int sendPending() {
        int sent = 0;
        for (NoticeStore.Pending notice : notices.pending(BATCH)) {
            if (!notices.claim(notice)) {
                continue;
            }
            try {
                mailer.send(notice.email(), notice.subject(), notice.body());
                notices.sent(notice.id());
                sent++;
            } catch (MessagingException | RuntimeException e) {
                boolean last = notice.attempts() + 1 >= maxAttempts;
                LOG.warn("Delegation notice {} to {} not sent (attempt {} of {}): {}", notice.id(), notice.email(),
                        notice.attempts() + 1, maxAttempts, e.toString());
                notices.failed(notice.id(), e.toString(), last);
            }
        }
        return sent;
    }
}
