package org.onewindow.soap;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.onewindow.message.ErrorCode;
import org.w3c.dom.Element;

/**
 * The SOAP faults of the OneWindow service: a Client fault whose detail is the WSDL's {@code ow:fault} (code and
 * text), so a generated client gets a typed {@code OneWindowFault} exception saying what to fix. No stack trace.
 */
final class SoapFaults {
    static final String NS = "urn:onewindow:soap:v1";

    private SoapFaults() {
    }

    static SoapFault of(ErrorCode code, String detail) {
        String text = code.text() + (detail == null ? "" : ": " + detail);
        // the hub's own trouble (S9xx) is the receiver's fault: the same call may succeed later
        SoapFault fault = new SoapFault(code.code() + " " + text,
                code.category() == ErrorCode.Category.HUB ? Fault.FAULT_CODE_SERVER : Fault.FAULT_CODE_CLIENT);
        Element holder = fault.getOrCreateDetail();
        Element info = holder.getOwnerDocument().createElementNS(NS, "ow:fault");
        append(info, "code", code.code());
        append(info, "text", text);
        holder.appendChild(info);
        return fault;
    }

    static QName name(String localName) {
        return new QName(NS, localName);
    }

    private static void append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(NS, "ow:" + name);
        child.setTextContent(text);
        parent.appendChild(child);
    }
}
