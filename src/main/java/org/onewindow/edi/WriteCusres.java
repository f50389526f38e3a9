package org.onewindow.edi;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.onewindow.edi.EdifactWriter.composite;

/**
 * Writes the CUSRES a sender that filed in EDIFACT receives instead of one of the hub's XML replies (NX5106,
 * NX903, an agency's NX901/NX902/NX602/NX302_DN/NX402, customs' N5107/N5110/N5116): BGM names the XML message
 * type it stands for, DTM the time it was issued, GIS the reply's status (Y, N, C1–C3 …), RFF the declaration
 * (ABT) and the application (ACW) it is about, FTX the reply's statements, one CST group per item with its
 * status codes, one ERC group per error with its code (B101, T310 …) and text. Mapping: docs/edifact-mapping.md.
 */
public final class WriteCusres {
    private static final String[] CUSRES = {"CUSRES", "D", "96B", "UN"};
    private static final String RESPONSE = "962";
    private static final int TEXT_PART = 70;
    private static final int TEXT_PARTS = 5;
    private static final Pattern ERROR_CODE = Pattern.compile("^([A-Z][0-9]{3})\\b");
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("uuuuMMddHHmm").withZone(ZoneId.of("Asia/Taipei"));

    private final EdifactGuides guides;
    private final EdifactWriter writer;

    public WriteCusres(EdifactGuides guides) {
        this.guides = guides;
        this.writer = new EdifactWriter(guides);
    }

    public byte[] write(Document reply, String messageType, String recipient, String reference, Instant at) {
        Element root = reply.getDocumentElement();
        return writer.write(guides.cusres(), recipient, reference, at, CUSRES, out -> {
            out.segment("BGM", composite(RESPONSE, null, null, messageType), reference, "9");
            out.segment("DTM", composite("137", ISSUED.format(at), "203"));
            String status = Dom.text(root, "Status", "NameCode");
            if (status != null) {
                out.segment("GIS", composite(status));
            }
            String declaration = Dom.text(root, "Declaration", "ID");
            if (declaration != null) {
                out.segment("RFF", composite("ABT", declaration));
            }
            String application = application(root);
            if (application != null) {
                out.segment("RFF", composite("ACW", application));
            }
            for (String statement : statements(root)) {
                out.segment("FTX", "AAI", null, null, composite(parts(statement)));
            }
            for (Element item : Dom.all(root, "Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem")) {
                List<Element> statuses = Dom.children(item, "Status");
                String sequence = Dom.text(item, "SequenceNumeric");
                if (sequence == null || statuses.isEmpty()) {
                    continue;
                }
                out.segment("CST", sequence);
                for (Element itemStatus : statuses.subList(0, Math.min(9, statuses.size()))) {
                    out.segment("GIS", composite(Dom.text(itemStatus, "NameCode")));
                }
            }
            for (Element error : Dom.children(root, "Error")) {
                String content = Dom.text(error, "AdditionalInformation", "Content");
                Matcher code = ERROR_CODE.matcher(content == null ? "" : content);
                out.segment("ERC", composite(code.find() ? code.group(1) : Dom.text(error, "ValidationCode")));
                String text = content == null ? "" : EdifactWriter.latin1(content);
                if (!text.isEmpty()) {
                    out.segment("FTX", "AAO", null, null, composite(parts(text)));
                }
            }
        });
    }

    private static String application(Element root) {
        String direct = Dom.text(root, "Declaration", "PreviousDocument", "tw_FunctionalReferenceID");
        return direct != null ? direct
                : Dom.text(root, "Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem", "PreviousDocument", "tw_FunctionalReferenceID");
    }

    /** The reply's readable statements that UNOC can carry, at most nine. */
    private static List<String> statements(Element root) {
        List<String> found = new ArrayList<>();
        for (String text : new String[] {Dom.text(root, "AdditionalInformation", "StatementDescription"),
            Dom.text(root, "Declaration", "AdditionalInformation", "Content")}) {
            String kept = text == null ? "" : EdifactWriter.latin1(text);
            if (!kept.isEmpty()) {
                found.add(kept);
            }
        }
        return found;
    }

    /** Free text as C108: up to five components of 70 characters; longer text is cut. */
    private static String[] parts(String text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length() && parts.size() < TEXT_PARTS; i += TEXT_PART) {
            parts.add(text.substring(i, Math.min(text.length(), i + TEXT_PART)));
        }
        return parts.toArray(new String[0]);
    }
}
