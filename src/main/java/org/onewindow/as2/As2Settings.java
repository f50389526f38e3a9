package org.onewindow.as2;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/** The AS2 channel's settings ({@code onewindow.as2.*} in application.properties, where each is explained). */
public record As2Settings(boolean enabled, String bindAddress, int port, String fqdn, String hubAs2Id, String publicUrl, Path key) {

    public static As2Settings from(CamelContext context, Path dataDir) {
        PropertiesComponent p = context.getPropertiesComponent();
        String key = get(p, "onewindow.as2.key", "");
        return new As2Settings(Boolean.parseBoolean(get(p, "onewindow.as2.enabled", "true")), get(p, "onewindow.as2.bind-address", ""),
                Integer.parseInt(get(p, "onewindow.as2.port", "4080")), get(p, "onewindow.as2.fqdn", "localhost"),
                get(p, "onewindow.as2.hub-id", "ONEWINDOW"),
                get(p, "onewindow.as2.public-url", "http://localhost:4080/as2"),
                key.isEmpty() ? dataDir.resolve("pki").resolve("as2.p12") : Path.of(key));
    }

    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).orElse(fallback);
    }
}
