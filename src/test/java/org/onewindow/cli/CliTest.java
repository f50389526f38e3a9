package org.onewindow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.testing.FreePorts;

/**
 * The tester CLI against a real HTTP server speaking the hub's API with canned answers: a post is
 * accepted (202) unless its body contains {@code <Broken}, which gets a 400 problem answer; each accepted
 * post queues the canned replies for its sender, the second becoming visible only after the first is
 * acknowledged, as a later agency answer would.
 */
class CliTest {
    private static final String DEFAULT_SENDER = "12345675";
    private static final String NX901 = """
            <Response xmlns="urn:wco:datamodel:TW:NX901:R-00-03"><Status><NameCode>Y</NameCode></Status></Response>""";
    private static final String NX5106 = """
            <?xml version="1.0" encoding="UTF-8"?><Response xmlns="urn:wco:datamodel:TW:NX5106:R-00-04">\
            <AdditionalInformation><StatementDescription>Accepted: customs, CD, DN</StatementDescription></AdditionalInformation>\
            <Status><NameCode>Y</NameCode></Status><Declaration><ID>AA  0011112347</ID></Declaration></Response>""";
    private static final String NX903 = """
            <Response xmlns="urn:wco:datamodel:TW:NX903:R-00-03"><Error><ValidationCode>B</ValidationCode><AdditionalInformation>\
            <Content>B104 An agency application refers to an item the declaration does not contain: item 99</Content>\
            </AdditionalInformation></Error><Error><ValidationCode>B</ValidationCode><AdditionalInformation><Content>B105 …\
            </Content></AdditionalInformation></Error></Response>""";

    @TempDir
    Path dir;

    private HttpServer server;
    private String hub;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<String> acks = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String[]>> pending = new LinkedHashMap<>();
    private final Map<String, List<String[]>> visible = new LinkedHashMap<>();
    private List<String[]> cannedReplies = List.of(
            new String[] {"NX901", NX901},
            new String[] {"NX5106", NX5106});
    private int hubIds;
    private int replyIds;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/messages", this::postMessage);
        server.createContext("/api/v1/parties/", this::mailbox);
        server.start();
        hub = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopHub() {
        server.stop(0);
    }

    @Test
    void sendPostsTheFilePrintsItsHubIdAndEachReplyAndAcknowledgesThem() throws IOException {
        Path file = write("food-liquor.xml", "<Declaration xmlns='urn:wco:datamodel:TW:NX5105:R-08-00'/>");

        int exit = run("send", "--hub", hub, "--wait", "1", file.toString());

        assertThat(exit).isZero();
        assertThat(lines(out)).containsExactly(
                "sent " + file + "  hub id hub-1  sender " + DEFAULT_SENDER,
                "  NX901 Y  case case-hub-1  for food-liquor.xml",
                "  NX5106 Y Accepted: customs, CD, DN  case case-hub-1  for food-liquor.xml");
        assertThat(lines(err)).isEmpty();
        assertThat(posted).containsExactly("<Declaration xmlns='urn:wco:datamodel:TW:NX5105:R-08-00'/>");
        assertThat(contentTypes).containsExactly("application/xml");
        assertThat(acks).containsExactly(DEFAULT_SENDER + "/reply-1", DEFAULT_SENDER + "/reply-2");
    }

    @Test
    void sendFollowsTheMailboxOfThePartyItsTokenNames() throws IOException {
        Path file = write("a.xml", "<a/>");

        System.setProperty("onewindow.cli.token", "token-of-BROKER7");
        int exit;
        try {
            exit = run("send", "--hub=" + hub, "--wait=0.8", file.toString());
        } finally {
            System.clearProperty("onewindow.cli.token");
        }

        assertThat(exit).isZero();
        assertThat(lines(out)).first().isEqualTo("sent " + file + "  hub id hub-1  sender BROKER7");
        assertThat(acks).containsExactly("BROKER7/reply-1", "BROKER7/reply-2");
    }

    @Test
    void printsAnErrorReplyWithItsFirstCodeAndText() throws IOException {
        cannedReplies = List.<String[]>of(new String[] {"NX903", NX903});
        Path file = write("wrong-item.xml", "<a/>");

        run("send", "--hub", hub, "--wait", "0.8", file.toString());

        assertThat(lines(out)).contains(
                "  NX903 B104 An agency application refers to an item the declaration does not contain: item 99 (+1 more)"
                        + "  case case-hub-1  for wrong-item.xml");
        assertThat(acks).containsExactly(DEFAULT_SENDER + "/reply-1");
    }

    @Test
    void aRefusedPostIsOneReadableLineAndAFailingExitCode() throws IOException {
        Path broken = write("broken.xml", "<Broken/>");
        Path good = write("good.xml", "<a/>");

        int exit = run("send", "--hub", hub, "--wait", "0.5", broken.toString(), good.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(lines(err)).containsExactly("onewindow: " + broken
                + " not accepted: 400 W004 The message does not conform to its schema: line 1: cvc-elt.1.a: Cannot find the declaration of element 'Broken'.");
        assertThat(lines(out)).first().isEqualTo("sent " + good + "  hub id hub-1  sender " + DEFAULT_SENDER);
        assertThat(acks).hasSize(2);
    }

    @Test
    void replaySendsEveryXmlFileUnderTheDirectoryInNameOrder() throws IOException {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        write("samples/b.xml", "<b/>");
        write("samples/a.xml", "<a/>");
        write("samples/readme.txt", "not a message");
        Files.createDirectories(samples.resolve("c"));
        write("samples/c/c.xml", "<c/>");

        int exit = run("replay", samples.toString(), "--hub", hub, "--wait", "0.8");

        assertThat(exit).isZero();
        assertThat(posted).containsExactly("<a/>", "<b/>", "<c/>");
        assertThat(lines(out)).filteredOn(l -> l.startsWith("sent ")).hasSize(3);
        assertThat(lines(out)).filteredOn(l -> l.startsWith("  NX5106 Y")).hasSize(3);
        assertThat(acks).hasSize(6);
    }

    @Test
    void anUnreachableHubIsOneLineNotAStackTrace() throws IOException {
        Path file = write("a.xml", "<a/>");
        int closedPort = FreePorts.next();

        int exit = run("send", "--hub", "http://127.0.0.1:" + closedPort, "--wait", "0", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(lines(err)).containsExactly("onewindow: " + file + " not accepted: cannot reach the hub at http://127.0.0.1:"
                + closedPort + " (is it running?)");
        assertThat(lines(out)).isEmpty();
    }

    @Test
    void aMissingFileOrAWrongCommandLineIsReported() {
        assertThat(run("send", "--hub", hub, "--wait", "0", dir.resolve("missing.xml").toString())).isEqualTo(1);
        assertThat(lines(err)).containsExactly("onewindow: cannot read " + dir.resolve("missing.xml") + ": no such file or directory");

        err.reset();
        assertThat(run("send", "--hub", hub)).isEqualTo(2);
        assertThat(lines(err)).first().isEqualTo("onewindow: name at least one FILE to send");

        err.reset();
        assertThat(run("send", "--wait", "soon", "a.xml")).isEqualTo(2);
        assertThat(lines(err)).first().isEqualTo("onewindow: --wait takes a number of seconds, not soon");
        assertThat(posted).isEmpty();
    }

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        String text = stream.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    // ---- the canned hub ----

    private synchronized void postMessage(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains("<Broken")) {
            answer(exchange, 400, "application/problem+json", """
                    {"type":"about:blank","title":"The message does not conform to its schema","status":400,"code":"W004",
                     "detail":"line 1: cvc-elt.1.a: Cannot find the declaration of element 'Broken'."}""");
            return;
        }
        posted.add(body);
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        // like the hub, it names the sender after the caller's token
        String token = exchange.getRequestHeaders().getFirst("Authorization");
        String party = token == null ? DEFAULT_SENDER : token.substring(token.lastIndexOf("token-of-") + "token-of-".length());
        String hubId = "hub-" + ++hubIds;
        Deque<String[]> queue = pending.computeIfAbsent(party, p -> new ArrayDeque<>());
        for (String[] reply : cannedReplies) {
            queue.add(new String[] {"reply-" + ++replyIds, reply[0], "case-" + hubId, hubId, reply[1]});
        }
        answer(exchange, 202, "application/json", "{\"hubId\":\"" + hubId + "\",\"sender\":\"" + party + "\"}");
    }

    private synchronized void mailbox(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        // /api/v1/parties/{party}/messages[/{hubId}/ack]
        String party = path[4];
        List<String[]> shown = visible.computeIfAbsent(party, p -> new ArrayList<>());
        if (path.length == 8 && "ack".equals(path[7]) && "POST".equals(exchange.getRequestMethod())) {
            acks.add(party + "/" + path[6]);
            shown.removeIf(m -> m[0].equals(path[6]));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        if (shown.isEmpty()) {
            Deque<String[]> queue = pending.getOrDefault(party, new ArrayDeque<>());
            if (!queue.isEmpty()) {
                shown.add(queue.poll());
            }
        }
        StringBuilder json = new StringBuilder("[");
        for (String[] m : shown) {
            json.append(json.length() > 1 ? "," : "").append(String.format(
                    "{\"hubId\":\"%s\",\"messageType\":\"%s\",\"caseId\":\"%s\",\"causedBy\":\"%s\",\"createdAt\":\"2025-11-24T10:15:00Z\",\"body\":\"%s\"}",
                    m[0], m[1], m[2], m[3], m[4].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")));
        }
        answer(exchange, 200, "application/json", json.append(']').toString());
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
