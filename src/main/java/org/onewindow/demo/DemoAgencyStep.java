package org.onewindow.demo;

import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.onewindow.admit.ReadMessage;
import org.onewindow.message.Dom;
import org.onewindow.message.Headers;
import org.onewindow.schema.SchemaRegistry;

/**
 * The demo agencies' route step: reads the message on an agency queue (body: XML bytes; headers
 * {@code OneWindowAgency}, the answering agency, and {@code OneWindowHubId}, the message's hub id), lets
 * {@link AnswerAsAgency} answer it, and replaces the body with the replies as a list of UTF-8 XML byte
 * arrays, in the order they are sent; an empty list when the agency stays silent.
 *
 * <p>The hub only ever sends a demo agency schema-valid messages of its type; one it cannot read or of
 * another type is a fault of the hub and fails the exchange ({@link IllegalArgumentException}).
 */
public final class DemoAgencyStep implements Processor {
    private final ReadMessage reader;
    private final AnswerAsAgency answer;

    /** Replies in the namespaces of the bundled schemas, stamped with the system clock. */
    public DemoAgencyStep(ReadMessage reader, DemoAgencyRules rules) {
        this(reader, rules, SchemaRegistry.bundled(), Clock.systemUTC());
    }

    /** Replies in the namespaces of {@code schemas} (the registry the hub reads with), stamped by {@code clock}. */
    public DemoAgencyStep(ReadMessage reader, DemoAgencyRules rules, SchemaRegistry schemas, Clock clock) {
        this.reader = reader;
        this.answer = new AnswerAsAgency(rules, schemas, clock);
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String agency = in.getHeader(Headers.AGENCY, String.class);
        ReadMessage.Result read = reader.read(in.getBody(byte[].class));
        if (!read.ok()) {
            throw new IllegalArgumentException("Demo agency " + agency + " cannot read its message: " + read.rejection().text());
        }
        List<byte[]> replies = answer.answer(agency, read.message(), in.getHeader(Headers.HUB_ID, String.class)).stream()
                .map(Dom::serialize)
                .toList();
        in.setBody(replies);
    }
}
