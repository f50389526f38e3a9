package org.onewindow.demo;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.onewindow.admit.ReadMessage;
import org.onewindow.message.Headers;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.trust.DocumentSigner;

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
    private final Function<String, DocumentSigner> signers;

    /** Unsigned replies in the namespaces of the bundled schemas, stamped with the system clock. */
    public DemoAgencyStep(ReadMessage reader, DemoAgencyRules rules) {
        this(reader, rules, SchemaRegistry.bundled(), Clock.systemUTC(), agency -> DocumentSigner.unsigned());
    }

    /**
     * Replies in the namespaces of {@code schemas} (the registry the hub reads with), stamped by {@code clock},
     * each signed with its agency's key ({@code signers} by agency code), as a real agency system would.
     */
    public DemoAgencyStep(ReadMessage reader, DemoAgencyRules rules, SchemaRegistry schemas, Clock clock,
                          Function<String, DocumentSigner> signers) {
        this.reader = reader;
        this.answer = new AnswerAsAgency(rules, schemas, clock);
        this.signers = signers;
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
                .map(signers.apply(agency)::signedBytes)
                .toList();
        in.setBody(replies);
    }
}
