package org.onewindow.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.onewindow.intake.BodyHead;
import org.onewindow.intake.MimeBase64;
import org.onewindow.intake.StreamedBody;

/**
 * Bounds a SOAP request before CXF parses it. CXF reads a whole request into a DOM, and a submit carries its message
 * base64-encoded, so a 200 MB request would cost the heap several times that before {@code submit} could see it was
 * too large. This reads at most the largest request a submit of {@code onewindow.intake.max-bytes} can make (plus one
 * byte) and hands CXF those bytes; a longer request is answered at once with a W005 fault, and what it carried is
 * stored truncated as a rejected message of the caller, like an oversized upload on the other doors.
 */
public final class SoapSizeLimit extends AbstractPhaseInterceptor<Message> implements CxfConfigurer {
    /** Room for the envelope, the operation's element and its whitespace around the base64 text. */
    private static final int ENVELOPE_ALLOWANCE = 64 * 1024;

    private final SoapService service;
    private final int envelopeLimit;

    public SoapSizeLimit(SoapService service, int maxMessageBytes) {
        super(Phase.RECEIVE);
        // before CXF looks at the stream for attachments, so nothing has read from it yet
        addBefore(AttachmentInInterceptor.class.getName());
        this.service = service;
        this.envelopeLimit = largestRequest(maxMessageBytes);
    }

    /** The longest request a submit of a message of {@code maxMessageBytes} can be. */
    static int largestRequest(int maxMessageBytes) {
        // MIME base64 is what the WSDL's xs:base64Binary allows
        return (int) Math.min(Integer.MAX_VALUE - 8, MimeBase64.encodedLength(maxMessageBytes) + ENVELOPE_ALLOWANCE);
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        BodyHead head;
        try {
            head = StreamedBody.read(in, envelopeLimit);
        } catch (IOException e) {
            throw new Fault(e);
        }
        if (head.tooLarge()) {
            throw service.refuseTooLarge(authorization(message), head.bytes(), envelopeLimit);
        }
        message.setContent(InputStream.class, new ByteArrayInputStream(head.bytes()));
    }

    private static String authorization(Message message) {
        Map<String, List<String>> headers = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
        List<String> values = headers == null ? null : headers.get("Authorization");
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Adds this bound to the endpoint's inbound interceptors. */
    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factory) {
        factory.getInInterceptors().add(this);
    }

    @Override
    public void configureClient(Client client) {
        // the hub's SOAP endpoint is a server only
    }

    @Override
    public void configureServer(Server server) {
        // bound in configure(): the factory's interceptors are the server's
    }
}
