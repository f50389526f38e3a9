package org.onewindow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.spi.Registry;
import org.onewindow.admit.AdmitInterchange;
import org.onewindow.admit.AdmitMessage;
import org.onewindow.admit.AuthenticateSender;
import org.onewindow.admit.CheckApplicationItems;
import org.onewindow.admit.CheckDeclarationNumber;
import org.onewindow.admit.CheckFunctionCode;
import org.onewindow.admit.CheckItemSequence;
import org.onewindow.admit.CheckSender;
import org.onewindow.admit.DeclarationRule;
import org.onewindow.admit.FileDeclaration;
import org.onewindow.admit.ReadMessage;
import org.onewindow.admit.RejectMessage;
import org.onewindow.api.AuthenticateCaller;
import org.onewindow.as2.As2Channel;
import org.onewindow.soap.SoapService;
import org.onewindow.soap.SoapSizeLimit;
import org.onewindow.api.GuardApi;
import org.onewindow.api.HttpsListener;
import org.onewindow.api.HttpsSettings;
import org.onewindow.api.MessageLogApi;
import org.onewindow.api.PartyAdminApi;
import org.onewindow.api.QueryApi;
import org.onewindow.certificate.HubCertificates;
import org.onewindow.conntest.ConnectionTestApi;
import org.onewindow.conntest.ConnectionTestPlan;
import org.onewindow.conntest.ConnectionTestResults;
import org.onewindow.ledger.ArchiveMessageBodies;
import org.onewindow.ledger.RetentionSettings;
import org.onewindow.ledger.SealMessageLog;
import org.onewindow.stats.AdoptionReport;
import org.onewindow.stats.LiveCounters;
import org.onewindow.stats.StatisticsApi;
import org.onewindow.stats.StatisticsSettings;
import org.onewindow.stats.TrafficStatistics;
import org.onewindow.ledger.VerifyMessageLog;
import org.onewindow.party.IdentifySigner;
import org.onewindow.party.Party;
import org.onewindow.party.PartyAdministration;
import org.onewindow.party.PartyBootstrap;
import org.onewindow.party.PartyStore;
import org.onewindow.correlate.AgencyReplyReader;
import org.onewindow.correlate.CorrelateReply;
import org.onewindow.correlate.MergeAcknowledgement;
import org.onewindow.correlate.ReportSilentAgencies;
import org.onewindow.delegation.CheckSenderMayAct;
import org.onewindow.delegation.DelegationApi;
import org.onewindow.delegation.DelegationNotices;
import org.onewindow.delegation.DelegationSettings;
import org.onewindow.delegation.DelegationStore;
import org.onewindow.delegation.Delegations;
import org.onewindow.delegation.NoticeStore;
import org.onewindow.delegation.PartyContacts;
import org.onewindow.delegation.SendDelegationNotices;
import org.onewindow.delegation.SmtpMailer;
import org.onewindow.deliver.Outbox;
import org.onewindow.deliver.ReplyChannels;
import org.onewindow.deliver.PrepareOutgoing;
import org.onewindow.deliver.RedeliveryGuard;
import org.onewindow.demo.DemoAgencyRules;
import org.onewindow.edi.EdifactGuides;
import org.onewindow.edi.ReadInterchange;
import org.onewindow.edi.TranslateCusdec;
import org.onewindow.edi.WriteContrl;
import org.onewindow.edi.WriteCusres;
import org.onewindow.demo.DemoAgencyStep;
import org.onewindow.infra.BrokerAccess;
import org.onewindow.infra.Database;
import org.onewindow.infra.EmbeddedBroker;
import org.onewindow.infra.HubSettings;
import org.onewindow.infra.Messaging;
import org.onewindow.intake.AcceptInbound;
import org.onewindow.ops.DiskSpaceGuard;
import org.onewindow.ops.Operations;
import org.onewindow.ops.RedeliverySettings;
import org.onewindow.intake.NameQueuedSender;
import org.onewindow.route.DeriveAgencyMessages;
import org.onewindow.route.RoutingTable;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.sftp.SftpChannel;
import org.onewindow.store.BodyArchive;
import org.onewindow.store.CaseStore;
import org.onewindow.store.DedupStore;
import org.onewindow.store.DeliveryStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.onewindow.store.NodeLock;
import org.onewindow.trust.DocumentSigner;
import org.onewindow.trust.HubCredentials;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyMaterialException;
import org.onewindow.trust.SignatureCheck;
import org.onewindow.trust.TrustSettings;
import org.onewindow.trust.VerifySignature;
import org.onewindow.trust.XmlSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Wires the hub: the broker (embedded unless an external URL is set), the database, the transacted
 * {@code jms} component and every step the routes call, bound in Camel's registry under the names
 * the route files use.
 */
public class HubConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(HubConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        List<Service> started = new ArrayList<>();
        try {
            wire(context, started);
        } catch (Exception | Error e) {
            // Camel does not stop what a configuration that failed had started; the embedded broker's threads would
            // keep the JVM running (a test's or the benchmark's, which then never ends)
            Collections.reverse(started);
            for (Service service : started) {
                try {
                    service.stop();
                } catch (RuntimeException stopping) {
                    e.addSuppressed(stopping);
                }
            }
            throw e;
        }
    }

    /** Builds the hub; {@code started} collects the services it starts itself, in order. */
    private static void wire(CamelContext context, List<Service> started) throws Exception {
        HubSettings settings = HubSettings.from(context);
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();

        RedeliverySettings retries = RedeliverySettings.from(context);
        BrokerAccess brokerAccess = BrokerAccess.from(context);
        if (settings.embeddedBroker()) {
            EmbeddedBroker broker = new EmbeddedBroker(settings, retries, brokerAccess);
            broker.start();
            started.add(broker);
            context.addService(broker, true, true);
        }
        CachingConnectionFactory connectionFactory = Messaging.connectionFactory(settings, brokerAccess);
        registry.bind("jms", Messaging.transactedComponent(connectionFactory));

        Database database = new Database(settings);
        started.add(database);
        context.addService(database, true, true);
        Jdbc jdbc = database.jdbc();
        registry.bind("dataSource", database.dataSource());

        RetentionSettings retention = RetentionSettings.from(context, settings.dataDir());
        BodyArchive archive = new BodyArchive(retention.archiveDir(), jdbc);
        registry.bind("bodyArchive", archive);
        MessageStore messages = new MessageStore(jdbc, clock, archive);
        CaseStore cases = new CaseStore(jdbc, clock);
        DedupStore dedup = new DedupStore(jdbc, clock);
        DeliveryStore deliveries = new DeliveryStore(jdbc, clock, archive);
        registry.bind("messageStore", messages);
        registry.bind("caseStore", cases);
        registry.bind("deliveryStore", deliveries);
        registry.bind("dedupStore", dedup);

        SchemaRegistry schemas = settings.schemasDir().isEmpty()
                ? SchemaRegistry.bundled()
                : SchemaRegistry.fromDirectory(Path.of(settings.schemasDir()));
        PartyStore parties = new PartyStore(jdbc, clock);
        PartyAdministration administration = new PartyAdministration(jdbc, parties, clock);
        brokerAccess.useParties(parties);
        registry.bind("nameQueuedSender", new NameQueuedSender(brokerAccess));
        TrustSettings trust = TrustSettings.from(context, settings.dataDir());
        HubCredentials credentials = new HubCredentials(trust, parties, administration);
        // once across nodes: the first node registers the parties and writes the keys, the others wait and find them
        KeyMaterial hubKey = new NodeLock(jdbc, clock).holding(NodeLock.BOOTSTRAP, () -> {
            List<Party> bootstrapped = new PartyBootstrap(parties, administration).registerIfEmpty(trust.partiesFile());
            KeyMaterial key = credentials.hubKey();
            if (trust.demoCredentials()) {
                credentials.issueDemoCredentials(bootstrapped);
            } else {
                credentials.issueOperatorTokens(bootstrapped);
            }
            return key;
        });
        SignatureCheck signatureCheck = trust.signaturesRequired()
                ? SignatureCheck.required(new VerifySignature())
                : SignatureCheck.relaxed();
        DocumentSigner hubSigner = trust.signaturesRequired()
                ? DocumentSigner.with(new XmlSigner(hubKey))
                : DocumentSigner.unsigned();
        if (!trust.signaturesRequired()) {
            LOG.warn("*** SIGNATURE CHECKS ARE OFF (onewindow.trust.signatures=relaxed): inbound messages are not verified and "
                    + "nothing the hub sends is signed. For tests and benchmarks only — never in production. ***");
        }
        AuthenticateSender senders = new AuthenticateSender(new IdentifySigner(parties));
        context.addStartupListener(new GuardApi(new AuthenticateCaller(parties, clock)));
        HttpsSettings https = HttpsSettings.from(context, settings.dataDir(), trust.hubKeyPassword());
        if (https.port().isPresent()) {
            credentials.httpsKey(https.keyStore(), https.keyStorePassword(), https.hosts());
            HttpsListener listener = new HttpsListener(https, credentials.localAuthorityCertificate());
            context.addService(listener);
            context.addStartupListener(listener);
            registry.bind("httpsListener", listener);
        }
        registry.bind("partyAdminApi", new PartyAdminApi(parties, administration));
        SealMessageLog sealer = new SealMessageLog(jdbc, clock, 500);
        registry.bind("sealMessageLog", sealer);
        registry.bind("messageLogApi", new MessageLogApi(sealer, new VerifyMessageLog(jdbc, archive)));

        ReadMessage reader = new ReadMessage(schemas, settings.maxMessageBytes(), signatureCheck);
        EdifactGuides ediGuides = EdifactGuides.bundled();
        Outbox outbox = new Outbox(messages, deliveries, hubSigner, new ReplyChannels(parties), new WriteCusres(ediGuides), clock);
        RejectMessage reject = new RejectMessage(jdbc, messages, outbox, clock);
        FileDeclaration filing = new FileDeclaration(jdbc, messages, cases, dedup, outbox,
                new DeriveAgencyMessages(RoutingTable.bundled(), schemas), schemas, reject, clock, settings.agencyDeadline());
        List<DeclarationRule> rules = List.of(new CheckDeclarationNumber(), new CheckFunctionCode(), new CheckItemSequence(),
                new CheckApplicationItems());

        RedeliveryGuard redelivery = new RedeliveryGuard(messages, outbox);
        DiskSpaceGuard disk = new DiskSpaceGuard(settings.dataDir(), settings.diskMinFree(), settings.diskCheckMs());
        context.addStartupListener(disk);
        registry.bind("archiveMessageBodies", new ArchiveMessageBodies(jdbc, archive, clock, retention.archiveAfter(),
                retention.perFile(), disk::full));
        registry.bind("acceptInbound", new AcceptInbound(jdbc, messages, reject, redelivery, disk, settings.maxMessageBytes(),
                settings.intakeReadTimeout()));
        DelegationSettings delegation = DelegationSettings.from(context);
        DelegationStore delegations = new DelegationStore(jdbc, clock);
        CheckSender delegated = new CheckSender(new CheckSenderMayAct(delegations, delegation.zone()), cases, clock);
        AdmitInterchange interchanges = new AdmitInterchange(jdbc, new ReadInterchange(ediGuides), new TranslateCusdec(),
                new WriteContrl(ediGuides), reader, messages, parties, outbox, reject, ediChannels(context), clock);
        registry.bind("admitMessage", new AdmitMessage(reader, senders, delegated, rules, filing, reject, redelivery, interchanges));
        registry.bind("prepareOutgoing", new PrepareOutgoing());
        MergeAcknowledgement merge = new MergeAcknowledgement(cases, outbox, schemas, clock);
        registry.bind("correlateReply", new CorrelateReply(jdbc, reader, senders, new AgencyReplyReader(), messages, cases, outbox,
                reject, merge, redelivery));
        registry.bind("reportSilentAgencies", new ReportSilentAgencies(jdbc, cases, outbox, clock, settings.agencyDeadline()));
        registry.bind("queryApi", new QueryApi(messages, cases, deliveries));
        SftpChannel.install(context, settings.dataDir(), jdbc, parties, messages, disk, clock);
        As2Channel.bind(context, registry, jdbc, messages, parties, credentials, disk, settings.dataDir(),
                settings.maxMessageBytes(), settings.intakeReadTimeout(), clock);
        SoapService soap = new SoapService(parties, messages, deliveries, disk, settings.maxMessageBytes());
        registry.bind("soapService", soap);
        registry.bind("soapSizeLimit", new SoapSizeLimit(soap, settings.maxMessageBytes()));
        PartyContacts contacts = partyId -> parties.find(partyId).map(Party::email);
        NoticeStore notices = new NoticeStore(jdbc, clock);
        registry.bind("delegationApi", new DelegationApi(new Delegations(jdbc, delegations,
                new DelegationNotices(notices, contacts, delegation.mailEnabled()), delegation, clock)));
        registry.bind("sendDelegationNotices", new SendDelegationNotices(notices, new SmtpMailer(delegation),
                delegation.mailMaxAttempts()));
        DemoAgencyRules demoRules = settings.demoRules().isEmpty()
                ? DemoAgencyRules.bundled()
                : DemoAgencyRules.fromFile(Path.of(settings.demoRules()));
        registry.bind("demoAgency", new DemoAgencyStep(reader, demoRules, schemas, clock,
                demoAgencySigners(trust)));
        Operations.install(context, retries, connectionFactory, database.dataSource(), jdbc, schemas, disk, clock);
        bindStatistics(context, registry, jdbc, messages, clock, reader, new HubCertificates(hubSigner, clock));
    }

    /** Statistics, the XML adoption report and the connection test: read-only views of the store, off the message path. */
    private static void bindStatistics(CamelContext context, Registry registry, Jdbc jdbc, MessageStore messages, Clock clock,
                                       ReadMessage reader, HubCertificates certificates) {
        StatisticsSettings statistics = StatisticsSettings.from(context);
        registry.bind("statisticsApi", new StatisticsApi(new TrafficStatistics(jdbc, statistics.zone()),
                new LiveCounters(jdbc, clock, statistics.liveWindow()),
                new AdoptionReport(jdbc, statistics.zone(), statistics.adoptionThreshold(), statistics.adoptionWindowDays()),
                certificates, statistics, clock));
        registry.bind("connectionTestApi", new ConnectionTestApi(new ConnectionTestResults(jdbc, messages,
                ConnectionTestPlan.from(context), reader, new AgencyReplyReader()), certificates));
    }

    /** Channels whose transport authenticates the sender, the only ones EDIFACT (which carries no signature) is taken on. */
    private static Set<String> ediChannels(CamelContext context) {
        String channels = context.getPropertiesComponent().resolveProperty("onewindow.edi.authenticated-channels").orElse("HTTP");
        return Arrays.stream(channels.split(",")).map(String::trim).filter(c -> !c.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * The demo agencies sign their replies with the keys the demo bootstrap issued them; without those (or with
     * signatures relaxed) they answer unsigned, and the hub — if it requires signatures — refuses their replies.
     */
    private static Function<String, DocumentSigner> demoAgencySigners(TrustSettings trust) {
        Map<String, DocumentSigner> signers = new ConcurrentHashMap<>();
        return agency -> signers.computeIfAbsent(agency, code -> {
            Path key = trust.demoDir().resolve(code + ".p12");
            if (!trust.signaturesRequired() || !Files.exists(key)) {
                return DocumentSigner.unsigned();
            }
            try {
                return DocumentSigner.with(new XmlSigner(KeyMaterial.fromPkcs12(key, HubCredentials.DEMO_PASSWORD.toCharArray())));
            } catch (KeyMaterialException e) {
                throw new IllegalStateException("Cannot read demo agency key " + key + ": " + e.getMessage(), e);
            }
        });
    }
}
