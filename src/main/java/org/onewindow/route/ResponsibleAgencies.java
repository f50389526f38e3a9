package org.onewindow.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Decides which agencies must see a combined declaration and which of its items each one sees.
 *
 * <p>Rule: an agency is responsible when an item's import-regulation code names it in the routing table
 * or a {@code tw_Application} names it ({@code ResponsibleGovernmentAgency/ID}). Each application is one
 * agency case and carries the items it references; the items whose regulation code names an agency but
 * that none of its applications references join the agency's first application (or, without any, a case
 * of their own). Agencies the table lists without a message type (CI) and codes the table does not know
 * are logged and routed to nobody. Cases come in routing-table order, then document order.
 */
final class ResponsibleAgencies {
    private static final Logger LOG = LoggerFactory.getLogger(ResponsibleAgencies.class);

    private final RoutingTable table;

    ResponsibleAgencies(RoutingTable table) {
        this.table = table;
    }

    List<AgencyCase> select(CombinedDeclaration declaration) {
        Map<String, TreeSet<Integer>> byRegulation = itemsByRegulationCode(declaration);
        Map<String, List<Element>> applications = applicationsByAgency(declaration);
        List<AgencyCase> cases = new ArrayList<>();
        for (AgencyRoute route : table.agencies()) {
            String agency = route.agency();
            TreeSet<Integer> coded = byRegulation.getOrDefault(agency, new TreeSet<>());
            List<Element> apps = applications.getOrDefault(agency, List.of());
            if (!route.routable()) {
                if (!coded.isEmpty() || !apps.isEmpty()) {
                    LOG.info("Declaration {}: agency {} has no message type in the routing table; items {} are not routed to it",
                            declaration.text("ID"), agency, coded);
                }
                continue;
            }
            if (apps.isEmpty()) {
                if (!coded.isEmpty()) {
                    cases.add(new AgencyCase(route, null, new ArrayList<>(coded)));
                }
                continue;
            }
            for (Element app : apps) {
                coded.removeAll(referencedItems(declaration, app));
            }
            for (int i = 0; i < apps.size(); i++) {
                TreeSet<Integer> items = referencedItems(declaration, apps.get(i));
                if (i == 0) {
                    items.addAll(coded);
                }
                if (items.isEmpty()) {
                    LOG.warn("Declaration {}: application {} refers to no item of the declaration; not routed",
                            declaration.text("ID"), CombinedDeclaration.referenceOf(apps.get(i)));
                    continue;
                }
                cases.add(new AgencyCase(route, apps.get(i), new ArrayList<>(items)));
            }
        }
        return cases;
    }

    private Map<String, TreeSet<Integer>> itemsByRegulationCode(CombinedDeclaration declaration) {
        Map<String, TreeSet<Integer>> byAgency = new LinkedHashMap<>();
        for (Map.Entry<Integer, Element> item : declaration.items().entrySet()) {
            for (String code : CombinedDeclaration.regulationCodes(item.getValue())) {
                Optional<String> agency = table.agencyForRegulationCode(code);
                if (agency.isPresent()) {
                    byAgency.computeIfAbsent(agency.get(), a -> new TreeSet<>()).add(item.getKey());
                } else {
                    LOG.debug("Declaration {} item {}: import-regulation code {} names no agency in the routing table",
                            declaration.text("ID"), item.getKey(), code);
                }
            }
        }
        return byAgency;
    }

    private Map<String, List<Element>> applicationsByAgency(CombinedDeclaration declaration) {
        Map<String, List<Element>> byAgency = new LinkedHashMap<>();
        for (Element app : declaration.applications()) {
            String agency = CombinedDeclaration.agencyOf(app);
            if (table.agency(agency).isEmpty()) {
                LOG.warn("Declaration {}: application {} names agency {}, which the routing table does not list; not routed",
                        declaration.text("ID"), CombinedDeclaration.referenceOf(app), agency);
                continue;
            }
            byAgency.computeIfAbsent(agency, a -> new ArrayList<>()).add(app);
        }
        return byAgency;
    }

    /** The application's item numbers that exist in the declaration (admission rejects others, B104). */
    private static TreeSet<Integer> referencedItems(CombinedDeclaration declaration, Element app) {
        TreeSet<Integer> items = new TreeSet<>();
        for (Integer n : CombinedDeclaration.itemsOf(app)) {
            if (declaration.item(n) != null) {
                items.add(n);
            } else {
                LOG.warn("Declaration {}: application {} refers to item {}, which the declaration does not contain",
                        declaration.text("ID"), CombinedDeclaration.referenceOf(app), n);
            }
        }
        return items;
    }
}
