package org.onewindow.delegation;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends one plain-text UTF-8 e-mail through the configured SMTP server (Jakarta Mail, Eclipse Angus), with
 * bounded connect and read timeouts so a dead server costs seconds, not a stuck thread.
 */
public final class SmtpMailer {
    private static final String TIMEOUT_MS = "10000";

    private final Session session;
    private final String from;

    public SmtpMailer(DelegationSettings settings) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.mailHost());
        p.setProperty("mail.smtp.port", String.valueOf(settings.mailPort()));
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MS);
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.mailStartTls()));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(settings.mailStartTls()));
        Authenticator login = null;
        if (!settings.mailUser().isEmpty()) {
            p.setProperty("mail.smtp.auth", "true");
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.mailUser(), settings.mailPassword());
                }
            };
        }
        this.session = Session.getInstance(p, login);
        this.from = settings.mailFrom();
    }

    public void send(String to, String subject, String body) throws MessagingException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        mail.setSubject(subject, StandardCharsets.UTF_8.name());
        mail.setText(body, StandardCharsets.UTF_8.name());
        mail.setSentDate(new Date());
        Transport.send(mail);
    }
}
