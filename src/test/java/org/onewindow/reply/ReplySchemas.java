package org.onewindow.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.onewindow.message.Dom;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.OfficialSchemas;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Validates built replies, as serialised for the wire, against our bundled schema and against the
 * official published one ({@code ../shared/cpt-reference/schemas}, or the directory named by the
 * system property {@code onewindow.cpt-reference}); official checks are skipped when that set is absent.
 */
final class ReplySchemas {

    private ReplySchemas() {
    }

    /** Valid under our schema of the document's own namespace, which must be the newest version of the type. */
    static void assertValidUnderOurs(String type, Document doc) throws Exception {
        String namespace = doc.getDocumentElement().getNamespaceURI();
        MessageType ours = SchemaRegistry.bundled().byNamespace(namespace).orElseThrow(
                () -> new AssertionError("our schemas know no namespace " + namespace));
        assertThat(ours.type()).isEqualTo(type);
        assertThat(SchemaRegistry.bundled().latest(type)).contains(ours);
        validate(ours.schema(), doc);
    }

    static void assertValidUnderOfficial(String type, Document doc) throws Exception {
        validate(OfficialSchemas.required(type), doc);
    }

    private static void validate(Schema schema, Document doc) throws Exception {
        byte[] wire = Dom.serialize(doc);
        try {
            SecureXml.validator(schema).validate(new StreamSource(new ByteArrayInputStream(wire)));
        } catch (SAXException e) {
            throw new AssertionError("Invalid: " + e.getMessage() + "\n" + new String(wire, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }
}
