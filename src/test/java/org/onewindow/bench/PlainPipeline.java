package org.onewindow.bench;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reference a user would write first: a Camel route, JMS in → XSD validate → split → one JMS queue per
 * responsible agency (customs always, CD / DN / VP by the items' regulation codes), one local JMS
 * transaction per declaration, on its own persistent embedded Artemis like the hub's. No store, no
 * signatures, no replies, no correlation. The declarations are queued first; the clock runs from starting
 * the route until the inbound queue is empty.
 */
final class PlainPipeline {
    private static final String URL = "vm://7";

    private final Path dataDir;
    private final Schema schema = SchemaRegistry.bundled().latest("NX5105").orElseThrow().schema();

    PlainPipeline(Path dataDir) {
        this.dataDir = dataDir;
    }

    Measurement run(List<DeclarationFactory.Declaration> declarations, int consumers) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setName("plain").setPersistenceEnabled(true).setSecurityEnabled(false).setJMXManagementEnabled(false)
                .setJournalDirectory(dataDir + "/journal").setBindingsDirectory(dataDir + "/bindings")
                .setLargeMessagesDirectory(dataDir + "/large").setPagingDirectory(dataDir + "/paging")
                .setNodeManagerLockDirectory(dataDir.toString())
                .addAcceptorConfiguration("in-vm", URL));
        broker.start();
        CachingConnectionFactory connections = new CachingConnectionFactory(new ActiveMQConnectionFactory(URL));
        connections.setSessionCacheSize(32);
        CamelContext camel = new DefaultCamelContext();
        try {
            queue(declarations);
            JmsComponent jms = new JmsComponent();
            jms.setConnectionFactory(connections);
            jms.setTransactionManager(new JmsTransactionManager(connections));
            jms.setTransacted(true);
            jms.setCacheLevelName("CACHE_CONSUMER");
            camel.addComponent("jms", jms);
            camel.addRoutes(route(consumers));
            Queue inbound = null;
            Cpu cpu = Cpu.start();
            long start = System.nanoTime();
            camel.start();
            while (inbound == null || inbound.getMessageCount() > 0 || inbound.getDeliveringCount() > 0) {
                Thread.sleep(2);
                inbound = broker.getActiveMQServer().locateQueue(SimpleString.of("plain.inbound"));
            }
            long wall = System.nanoTime() - start;
            double seconds = wall / 1e9;
            return new Measurement("plain-" + consumers, false, 0, declarations.size(), 0, 0, seconds,
                    declarations.size() / seconds, cpu.coresSince(wall), null);
        } finally {
            camel.stop();
            connections.destroy();
            broker.stop();
        }
    }

    private void queue(List<DeclarationFactory.Declaration> declarations) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(URL).createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue("plain.inbound"));
            int n = 0;
            for (DeclarationFactory.Declaration d : declarations) {
                var message = session.createBytesMessage();
                message.writeBytes(d.xml());
                producer.send(message);
                if (++n % 100 == 0) {
                    session.commit();
                }
            }
            session.commit();
        }
    }

    private RouteBuilder route(int consumers) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:plain.inbound?concurrentConsumers=" + consumers)
                        .routeId("plainPipeline")
                        .process(exchange -> {
                            byte[] xml = exchange.getIn().getBody(byte[].class);
                            exchange.setProperty("declaration", xml);
                            exchange.getIn().setHeader("agencies", validateAndRoute(xml));
                        })
                        .split(header("agencies"))
                            .setHeader("agency", body())
                            .setBody(exchangeProperty("declaration"))
                            .toD("jms:queue:plain.agency.${header.agency}")
                        .end();
            }
        };
    }

    /** Parses and validates the declaration (a new validator each time, as camel-validator does); its agencies. */
    private List<String> validateAndRoute(byte[] xml) throws Exception {
        Document document = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        SecureXml.validator(schema).validate(new DOMSource(document));
        Set<String> agencies = new TreeSet<>(Set.of("customs"));
        NodeList ids = document.getElementsByTagNameNS("*", "AdditionalDocument");
        for (int i = 0; i < ids.getLength(); i++) {
            NodeList id = ((Element) ids.item(i)).getElementsByTagNameNS("*", "ID");
            String code = id.getLength() == 0 ? "" : id.item(0).getTextContent().trim();
            switch (code) {
                case "F01", "F02" -> agencies.add("CD");
                case "W01" -> agencies.add("DN");
                case "B01" -> agencies.add("VP");
                default -> { }
            }
        }
        return new ArrayList<>(agencies);
    }
}
