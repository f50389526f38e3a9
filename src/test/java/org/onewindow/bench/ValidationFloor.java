package org.onewindow.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.onewindow.it.TestHub;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.onewindow.store.MessageStore;
import org.onewindow.store.StoredMessage;

/**
 * F, the CPU floor: how many declarations' lives per second two threads can merely XSD-validate, where a life
 * is every message of one declaration as the hub stored it — the NX5105, the messages derived for the
 * agencies, the agencies' replies and the merged NX5106 (forwarded copies of replies are the same documents
 * and are not counted twice). Raw validation: parse and validate from bytes, one reused validator per schema
 * and thread, nothing else.
 */
final class ValidationFloor {
    private static final int THREADS = 2;
    private static final long MIN_NANOS = 3_000_000_000L;

    /** One message to validate: its compiled schema and bytes. */
    record Document(Schema schema, byte[] bytes) {
    }

    /** The lives of these cases, read from the hub's message store. */
    static List<List<Document>> lives(TestHub hub, List<String> caseIds) throws Exception {
        MessageStore store = hub.bean("messageStore", MessageStore.class);
        List<List<Document>> lives = new ArrayList<>();
        for (String caseId : caseIds) {
            List<Document> life = new ArrayList<>();
            for (StoredMessage m : store.ofCase(caseId)) {
                boolean counts = MessageStore.IN.equals(m.direction())
                        || m.recipient() != null && m.recipient().startsWith("agency.")
                        || "NX5106".equals(m.messageType());
                if (counts) {
                    byte[] bytes = store.body(m.hubId()).orElseThrow();
                    life.add(new Document(schemaOf(bytes), bytes));
                }
            }
            lives.add(life);
        }
        return lives;
    }

    /** Declarations per second: the lives validated over and over on two threads for at least three seconds. */
    static double declarationsPerSecond(List<List<Document>> lives) throws Exception {
        validateAll(lives, 0); // warm-up
        validateAll(lives, 1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            long validated = 0;
            while (System.nanoTime() - start < MIN_NANOS) {
                List<Future<Integer>> halves = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int from = t;
                    halves.add(pool.submit(() -> validateAll(lives, from)));
                }
                for (Future<Integer> half : halves) {
                    validated += half.get();
                }
            }
            return validated / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** Validates every {@code THREADS}-th life from {@code offset}; how many lives that was. */
    private static int validateAll(List<List<Document>> lives, int offset) throws Exception {
        Map<Schema, Validator> validators = new HashMap<>();
        int count = 0;
        for (int i = offset % THREADS; i < lives.size(); i += THREADS) {
            for (Document d : lives.get(i)) {
                Validator v = validators.computeIfAbsent(d.schema(), SecureXml::validator);
                v.validate(new StreamSource(new ByteArrayInputStream(d.bytes())));
            }
            count++;
        }
        return count;
    }

    private static Schema schemaOf(byte[] bytes) throws Exception {
        XMLStreamReader reader = SecureXml.xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
        try {
            reader.nextTag();
            return SchemaRegistry.bundled().byNamespace(reader.getNamespaceURI()).orElseThrow().schema();
        } finally {
            reader.close();
        }
    }
}
