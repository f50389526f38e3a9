package org.onewindow.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** New documents come from one shared DOM implementation: each is its own, whichever thread builds it. */
class DomTest {
    private static final String NAMESPACE = "urn:wco:datamodel:TW:NX5106:1";

    @Test
    void aNewDocumentHasItsRootInTheNamespaceGiven() {
        Document doc = Dom.newDocument(NAMESPACE, "Response");

        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(NAMESPACE);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("Response");
        assertThat(doc.getDocumentElement().getPrefix()).isNull();
        assertThat(doc.getDoctype()).isNull();
    }

    @Test
    void documentsBuiltOnManyThreadsAtOnceKeepTheirOwnContent() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> built = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                built.add(threads.submit(() -> {
                    List<String> texts = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        Document doc = Dom.newDocument(NAMESPACE, "Response");
                        Dom.appendText(doc.getDocumentElement(), "FunctionCode", thread + "-" + i);
                        texts.add(new String(Dom.serialize(doc), StandardCharsets.UTF_8));
                    }
                    return texts;
                }));
            }
            for (int t = 0; t < 4; t++) {
                List<String> texts = built.get(t).get();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(texts.get(i)).contains("<FunctionCode>" + t + "-" + i + "</FunctionCode>")
                            .containsOnlyOnce("<FunctionCode>");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
