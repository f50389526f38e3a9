package org.onewindow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

class SecureXmlTest {

    @Test
    void nestingUpToTheLimitParses() throws Exception {
        assertThat(parse(nested(SecureXml.MAX_ELEMENT_DEPTH)).getDocumentElement().getLocalName()).isEqualTo("e");
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        assertThatThrownBy(() -> parse(nested(SecureXml.MAX_ELEMENT_DEPTH + 1)))
                .isInstanceOf(SAXParseException.class)
                .hasMessageContaining("maxElementDepth");
    }

    @Test
    void internalEntityDeclarationsAreRefusedWithTheDoctype() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><d>&b;</d>";
        assertThatThrownBy(() -> parse(bomb)).isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void predefinedEntitiesStillWork() throws Exception {
        assertThat(parse("<d>Tom &amp; Jerry &lt;3</d>").getDocumentElement().getTextContent()).isEqualTo("Tom & Jerry <3");
    }

    @Test
    void validDocumentHasNoValidationFaults() throws Exception {
        assertThat(SecureXml.validationFaults(countSchema(), new StreamSource(new StringReader("<count>3</count>")))).isEmpty();
    }

    @Test
    void everyValidationErrorIsAFault() throws Exception {
        assertThat(SecureXml.validationFaults(countSchema(), new StreamSource(new StringReader("<count>three</count>"))))
                .isNotEmpty()
                .anyMatch(fault -> fault.contains("three"));
    }

    @Test
    void documentThatIsNotWellFormedHasOneFault() throws Exception {
        assertThat(SecureXml.validationFaults(countSchema(), new StreamSource(new StringReader("<count>3</cnt>")))).hasSize(1);
    }

    private static Schema countSchema() throws Exception {
        String xsd = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:element name=\"count\" type=\"xs:int\"/></xs:schema>";
        return SecureXml.schemaFactory().newSchema(new StreamSource(new StringReader(xsd)));
    }

    private static String nested(int depth) {
        return "<e>".repeat(depth) + "</e>".repeat(depth);
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilder builder = SecureXml.documentBuilderFactory().newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
