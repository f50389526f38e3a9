package org.onewindow.route;

import java.util.List;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The application an agency case stands for when item import-regulation codes name the agency but the
 * declaration carries no {@code tw_Application} for it. The agency still receives its items; the message
 * reference the hub gives the case is the declaration number without blanks followed by the agency code
 * ({@code AA14K7300103CD}): unique per declaration and agency, within the 20 characters of a 訊息編號, and
 * recognisably the hub's rather than a trader's. The filer's blocks that do not depend on the agency
 * ({@code Agent}, {@code Payment}, {@code tw_AuthorizedInformation}, {@code tw_Declarer}) come from the
 * declaration's first application, if it has any; the builders' defaults fill what is still missing.
 */
final class ImpliedApplication {
    private static final List<String> FILER_BLOCKS = List.of("Agent", "Payment", "tw_AuthorizedInformation", "tw_Declarer");

    private ImpliedApplication() {
    }

    static Element create(CombinedDeclaration declaration, String agency) {
        Element root = declaration.root();
        Document doc = Dom.newDocument(root.getNamespaceURI(), "tw_Application");
        Element app = doc.getDocumentElement();
        Dom.appendText(app, "tw_FunctionalReferenceID", declaration.text("ID").replace(" ", "") + agency);
        Dom.appendText(Dom.append(app, "ResponsibleGovernmentAgency"), "ID", agency);
        if (!declaration.applications().isEmpty()) {
            Element sibling = declaration.applications().get(0);
            for (String block : FILER_BLOCKS) {
                Dom.child(sibling, block).ifPresent(b -> app.appendChild(doc.importNode(b, true)));
            }
        }
        return app;
    }
}
