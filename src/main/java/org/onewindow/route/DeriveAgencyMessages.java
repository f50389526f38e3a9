package org.onewindow.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Route step: derives, from one admitted combined declaration (NX5105), the message each responsible
 * agency receives, and routes a trader's standalone agency application to its agency.
 *
 * <p>Rule (design §2 step 3): customs always receives the declaration itself (the routing table's
 * {@code always} row); every other agency the table names through an item's import-regulation code or
 * a {@code tw_Application} receives its own application message (CD an NX601, DN an NX301_DN, VP an
 * NX401), built from the declaration's data, carrying exactly the items it must see and the application's
 * 訊息編號 as its {@code FunctionalReferenceID} (see {@link ResponsibleAgencies} for which items). The
 * derived messages are valid under their schemas by construction; this step does not validate them. A
 * standalone NX601, NX301_DN or NX401 goes to its agency's queue unchanged.
 *
 * <p>It raises no error code of its own: its input was admitted (schema-valid, business rules passed).
 * A message type it cannot route is a programming error in the calling route
 * ({@link IllegalArgumentException}); a routing table naming a message type no builder or schema knows
 * stops construction ({@link IllegalStateException}).
 */
public final class DeriveAgencyMessages {
    private static final Logger LOG = LoggerFactory.getLogger(DeriveAgencyMessages.class);

    private final RoutingTable table;
    private final ResponsibleAgencies agencies;
    private final Map<String, AgencyMessageBuilder> builders = new HashMap<>();
    private final Map<String, String> namespaces = new HashMap<>();

    /** The step for this routing table, deriving the newest version in {@code schemas} of each agency message type. */
    public DeriveAgencyMessages(RoutingTable table, SchemaRegistry schemas) {
        this.table = table;
        this.agencies = new ResponsibleAgencies(table);
        for (AgencyMessageBuilder b : List.of(new FoodInspectionBuilder(), new LiquorInspectionBuilder(),
                new QuarantineApplicationBuilder())) {
            builders.put(b.messageType(), b);
        }
        for (AgencyRoute route : table.agencies()) {
            if (!route.routable()) {
                continue;
            }
            String type = route.messageType();
            if (!builders.containsKey(type)) {
                throw new IllegalStateException("The routing table sends " + type + " to " + route.agency()
                        + ", but the hub cannot derive " + type + " from a declaration");
            }
            namespaces.put(type, schemas.latest(type).orElseThrow(() -> new IllegalStateException(
                    "The routing table sends " + type + " to " + route.agency() + ", but no schema for it is loaded"))
                    .namespace());
        }
    }

    /**
     * The customs copy first, then one message per agency application, in routing-table order.
     *
     * @throws IllegalArgumentException when the message is not a declaration the table routes
     */
    public List<DerivedMessage> derive(ParsedMessage declaration) {
        String type = declaration.type().type();
        List<AgencyRoute> always = table.always(type);
        if (always.isEmpty()) {
            throw new IllegalArgumentException(type + " is not a declaration the routing table routes");
        }
        CombinedDeclaration source = new CombinedDeclaration(declaration.root());
        List<Integer> allItems = source.items().keySet().stream().sorted().toList();
        List<DerivedMessage> derived = new ArrayList<>();
        for (AgencyRoute route : always) {
            derived.add(new DerivedMessage(route.agency(), route.messageType(), route.queue(), null, allItems,
                    declaration.document()));
        }
        for (AgencyCase c : agencies.select(source)) {
            derived.add(build(source, c));
        }
        return derived;
    }

    /**
     * A trader's standalone agency application, unchanged, for the agency the table gives its type.
     *
     * @throws IllegalArgumentException when no routable agency receives this message type
     */
    public DerivedMessage routeStandalone(ParsedMessage message) {
        String type = message.type().type();
        AgencyRoute route = table.forMessageType(type).filter(AgencyRoute::routable).orElseThrow(
                () -> new IllegalArgumentException("No agency receives " + type + " in the routing table"));
        List<Integer> items = new ArrayList<>();
        for (Element seq : Dom.all(message.root(), "GoodsShipment", "GovernmentAgencyGoodsItem", "SequenceNumeric")) {
            items.add(Integer.valueOf(seq.getTextContent().trim()));
        }
        items.sort(null);
        return new DerivedMessage(route.agency(), type, route.queue(), message.text("FunctionalReferenceID"), items,
                message.document());
    }

    private DerivedMessage build(CombinedDeclaration source, AgencyCase c) {
        AgencyRoute route = c.route();
        Element application = c.application();
        if (application == null) {
            application = ImpliedApplication.create(source, route.agency());
            LOG.warn("Declaration {}: items {} need agency {}, but it has no application for it; sent as {}",
                    source.text("ID"), c.items(), route.agency(), CombinedDeclaration.referenceOf(application));
        }
        Derivation d = new Derivation(source, application, c.items());
        AgencyMessageBuilder builder = builders.get(route.messageType());
        return new DerivedMessage(route.agency(), route.messageType(), route.queue(), d.reference(), c.items(),
                builder.build(d, namespaces.get(route.messageType())));
    }
}
