package org.onewindow.schema;

import java.util.Objects;
import javax.xml.validation.Schema;

/**
 * One supported message type in one version: {@code NX5105} {@code R-08-00}, its namespace
 * {@code urn:wco:datamodel:TW:NX5105:R-08-00}, its root element ({@code Declaration} or {@code Response})
 * and its compiled schema. The schema is compiled once and shared; create a validator per use with
 * {@link SecureXml#validator(Schema)}.
 */
public record MessageType(String type, String version, String namespace, String rootElement, Schema schema) {

    public MessageType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(rootElement, "rootElement");
        Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String toString() {
        return type + " " + version;
    }
}
