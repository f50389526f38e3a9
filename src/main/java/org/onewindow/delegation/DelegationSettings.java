package org.onewindow.delegation;

import java.time.Period;
import java.time.ZoneId;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Settings of delegations and their e-mail notices ({@code onewindow.delegation.*}, {@code onewindow.mail.*}),
 * each documented with its default in {@code application.properties}; the defaults here apply only when a key is
 * missing altogether.
 */
public record DelegationSettings(
        ZoneId zone,
        Period maxLongTerm,
        boolean mailEnabled,
        String mailHost,
        int mailPort,
        String mailFrom,
        String mailUser,
        String mailPassword,
        boolean mailStartTls,
        int mailMaxAttempts) {

    public static DelegationSettings from(CamelContext context) {
        PropertiesComponent p = context.getPropertiesComponent();
        return new DelegationSettings(
                ZoneId.of(get(p, "onewindow.delegation.time-zone", "Asia/Taipei")),
                Period.parse(get(p, "onewindow.delegation.max-long-term", "P1Y")),
                Boolean.parseBoolean(get(p, "onewindow.mail.enabled", "false")),
                get(p, "onewindow.mail.host", "localhost"),
                Integer.parseInt(get(p, "onewindow.mail.port", "25")),
                get(p, "onewindow.mail.from", "onewindow@localhost"),
                get(p, "onewindow.mail.username", ""),
                get(p, "onewindow.mail.password", ""),
                Boolean.parseBoolean(get(p, "onewindow.mail.starttls", "false")),
                Integer.parseInt(get(p, "onewindow.mail.max-attempts", "5")));
    }

    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).orElse(fallback);
    }
}
