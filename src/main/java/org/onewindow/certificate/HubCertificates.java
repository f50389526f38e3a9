package org.onewindow.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.onewindow.deliver.Outbox;
import org.onewindow.message.Dom;
import org.onewindow.stats.AdoptionFigures;
import org.onewindow.trust.DocumentSigner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issues the certificates the hub gives a party — the XML adoption report and the connection-test pass — as XML
 * documents of {@code schemas/certificates/onewindow-certificates.xsd}, signed with the hub's key like everything
 * the hub sends, so a party (or whoever it shows them to) can check them with the hub's certificate.
 */
public final class HubCertificates {
    public static final String NAMESPACE = "urn:onewindow:certificate:1";

    private final DocumentSigner signer;
    private final Clock clock;

    public HubCertificates(DocumentSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** One passed pair of the connection test, as the certificate lists it. */
    public record PassedPair(String messageType, String replyType, String agency, Instant passedAt, String hubId) {
    }

    /** The adoption report of a party, with its figures and verdict. */
    public byte[] adoption(AdoptionFigures figures) {
        Document doc = Dom.newDocument(NAMESPACE, "AdoptionCertificate");
        Element root = issue(doc, figures.party());
        Dom.appendText(root, "GoLiveDate", figures.goLive().toString());
        Dom.appendText(root, "LastDate", figures.lastDay().toString());
        Dom.appendText(root, "ThresholdPercent", figures.thresholdPercent().toPlainString());
        Dom.appendText(root, "AcceptedMessages", String.valueOf(figures.total()));
        Dom.appendText(root, "XmlMessages", String.valueOf(figures.xml()));
        Dom.appendText(root, "EdiMessages", String.valueOf(figures.edi()));
        Dom.appendText(root, "XmlSharePercent", figures.xmlSharePercent().toPlainString());
        Dom.appendText(root, "Verdict", figures.reached() ? "PASSED" : "FAILED");
        return signer.signedBytes(doc);
    }

    /** The connection-test certificate of a party that passed every pair on its list. */
    public byte[] connectionTest(String party, Instant passedAt, List<PassedPair> pairs) {
        Document doc = Dom.newDocument(NAMESPACE, "ConnectionTestCertificate");
        Element root = issue(doc, party);
        Dom.appendText(root, "PassedDateTime", dateTime(passedAt));
        for (PassedPair pair : pairs) {
            Element passed = Dom.append(root, "PassedPair");
            Dom.appendText(passed, "MessageType", pair.messageType());
            Dom.appendText(passed, "ReplyType", pair.replyType());
            Dom.appendText(passed, "Agency", pair.agency());
            Dom.appendText(passed, "PassedDateTime", dateTime(pair.passedAt()));
            Dom.appendText(passed, "HubID", pair.hubId());
        }
        return signer.signedBytes(doc);
    }

    private Element issue(Document doc, String party) {
        Element root = doc.getDocumentElement();
        Dom.appendText(root, "CertificateID", UUID.randomUUID().toString());
        Dom.appendText(root, "Issuer", Outbox.HUB);
        Dom.appendText(root, "IssueDateTime", dateTime(clock.instant()));
        Dom.appendText(root, "Party", party);
        return root;
    }

    private static String dateTime(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
