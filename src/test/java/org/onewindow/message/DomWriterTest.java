package org.onewindow.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xmlunit.assertj3.XmlAssert;

/** What the hub writes reads back as the same document: every sample, and documents built in code. */
class DomWriterTest {
    private static final DocumentBuilderFactory PARSERS = DocumentBuilderFactory.newDefaultInstance();

    static {
        PARSERS.setNamespaceAware(true);
    }

    static Stream<Path> samples() throws IOException {
        return Files.walk(Path.of("samples")).filter(p -> p.toString().endsWith(".xml") && p.getParent().endsWith("valid")).sorted();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleIsWrittenAsTheSameDocument(Path sample) throws Exception {
        byte[] original = Files.readAllBytes(sample);
        byte[] written = Dom.serialize(parse(original));

        assertThat(new String(written, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        XmlAssert.assertThat(written).and(original).areIdentical();
    }

    @Test
    void elementsBuiltInCodeGetTheirNamespacesDeclared() throws Exception {
        Document doc = Dom.newDocument("urn:wco:datamodel:TW:NX5106:1", "Response");
        Element root = doc.getDocumentElement();
        Dom.appendText(root, "FunctionCode", "9");
        Element signature = doc.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:Signature");
        signature.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:type", "x");
        root.appendChild(signature);
        Element unqualified = doc.createElementNS(null, "Plain");
        signature.appendChild(unqualified);
        Dom.appendText(root, "Remark", "a < b & c > d ]]> \"quoted\" line\r\nend");

        byte[] written = Dom.serialize(doc);

        Document read = parse(written);
        XmlAssert.assertThat(read).and(doc).areSimilar();
        assertThat(read.getDocumentElement().getNamespaceURI()).isEqualTo("urn:wco:datamodel:TW:NX5106:1");
        Element readSignature = Dom.child(read.getDocumentElement(), "Signature").orElseThrow();
        assertThat(readSignature.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/09/xmldsig#");
        assertThat(readSignature.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).isEqualTo("x");
        assertThat(Dom.child(readSignature, "Plain").orElseThrow().getNamespaceURI()).isNull();
        assertThat(Dom.text(read.getDocumentElement(), "Remark")).isEqualTo("a < b & c > d ]]> \"quoted\" line\r\nend");
    }

    private static Document parse(byte[] xml) throws Exception {
        return PARSERS.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
