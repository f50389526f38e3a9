package org.onewindow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilder;
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

    private static String nested(int depth) {
        return "<e>".repeat(depth) + "</e>".repeat(depth);
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilder builder = SecureXml.documentBuilderFactory().newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
