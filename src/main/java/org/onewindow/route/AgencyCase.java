package org.onewindow.route;

import java.util.List;
import org.w3c.dom.Element;

/**
 * One agency application to derive from a declaration: the agency's route, the declaration's
 * {@code tw_Application} block for it (null when only import-regulation codes name the agency) and the
 * item numbers the agency must see, ascending.
 */
record AgencyCase(AgencyRoute route, Element application, List<Integer> items) {

    AgencyCase {
        items = List.copyOf(items);
    }
}
