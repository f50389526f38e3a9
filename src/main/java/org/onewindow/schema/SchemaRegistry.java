package org.onewindow.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The message types the hub understands, by namespace, each with its schema compiled once at start-up.
 *
 * <p>Rule: a schema file is a message schema when its {@code targetNamespace} is
 * {@code urn:wco:datamodel:TW:<TYPE>:<VERSION>} with a version like {@code R-08-00} and it declares
 * exactly one global element, the root ({@code Declaration} or {@code Response}); shared type libraries
 * (our {@code common/}, the published {@code urn:wco:datamodel:TW:DS:1} and friends) are not. The
 * schemas come either from the class path ({@link #bundled()}: the files listed in
 * {@value #INDEX}, ours) or from a directory tree ({@link #fromDirectory(Path)}: ours, or the
 * published set with its {@code maindoc/} and {@code common/} folders). Two files with the same
 * namespace, or a message schema that does not compile, stop the start-up.
 */
public final class SchemaRegistry {
    /** Class-path index of the bundled message schemas, one path below {@code schemas/} per line. */
    public static final String INDEX = "schemas/index.txt";

    private static final Pattern MESSAGE_NAMESPACE =
            Pattern.compile("urn:wco:datamodel:TW:([A-Za-z0-9_]+):(R-\\d{2}-\\d{2})");

    private final Map<String, MessageType> byNamespace;

    private SchemaRegistry(List<MessageType> types) {
        Map<String, MessageType> map = new LinkedHashMap<>();
        for (MessageType type : types) {
            MessageType before = map.putIfAbsent(type.namespace(), type);
            if (before != null) {
                throw new IllegalStateException("Two schemas declare the namespace " + type.namespace());
            }
        }
        this.byNamespace = Collections.unmodifiableMap(map);
    }

    /** The schemas shipped with the hub (class path {@code schemas/}, in a jar or in target/classes). */
    public static SchemaRegistry bundled() {
        return Bundled.INSTANCE;
    }

    /** The bundled set, compiled once on first use: compiled schemas are immutable and thread-safe. */
    private static final class Bundled {
        static final SchemaRegistry INSTANCE = loadBundled();
    }

    private static SchemaRegistry loadBundled() {
        ClassLoader loader = SchemaRegistry.class.getClassLoader();
        URL index = loader.getResource(INDEX);
        if (index == null) {
            throw new IllegalStateException("No " + INDEX + " on the class path");
        }
        SchemaFactory factory = SecureXml.schemaFactory();
        List<MessageType> types = new ArrayList<>();
        for (String path : lines(index)) {
            URL url = loader.getResource("schemas/" + path);
            if (url == null) {
                throw new IllegalStateException(INDEX + " lists schemas/" + path + ", which is not on the class path");
            }
            Header header = read(url).orElseThrow(
                    () -> new IllegalStateException("schemas/" + path + " is not a message schema"));
            types.add(compile(factory, header, url));
        }
        return new SchemaRegistry(types);
    }

    /** The message schemas found anywhere below {@code directory}; other .xsd files are libraries. */
    public static SchemaRegistry fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Not a schema directory: " + directory);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".xsd") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        SchemaFactory factory = SecureXml.schemaFactory();
        List<MessageType> types = new ArrayList<>();
        for (Path file : files) {
            URL url = toUrl(file);
            read(url).ifPresent(header -> types.add(compile(factory, header, url)));
        }
        return new SchemaRegistry(types);
    }

    public Optional<MessageType> byNamespace(String namespace) {
        return Optional.ofNullable(namespace == null ? null : byNamespace.get(namespace));
    }

    /** The newest version of a type ({@code NX5105}), if any version is known. */
    public Optional<MessageType> latest(String type) {
        return byNamespace.values().stream()
                .filter(t -> t.type().equals(type))
                .max(Comparator.comparing(MessageType::version));
    }

    public Collection<MessageType> all() {
        return byNamespace.values();
    }

    /** What a schema file's start says: its namespace split into type and version, and its root. */
    private record Header(String type, String version, String namespace, String rootElement) {
    }

    private static MessageType compile(SchemaFactory factory, Header header, URL url) {
        try {
            Schema schema = factory.newSchema(new StreamSource(url.toExternalForm()));
            return new MessageType(header.type(), header.version(), header.namespace(), header.rootElement(), schema);
        } catch (SAXException e) {
            throw new IllegalStateException("The schema " + url + " does not compile: " + e.getMessage(), e);
        }
    }

    /** Reads the schema element and its global elements; empty when the file is no message schema. */
    private static Optional<Header> read(URL url) {
        XMLInputFactory factory = SecureXml.xmlInputFactory();
        try (InputStream in = url.openStream()) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                reader.nextTag();
                if (!XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(reader.getNamespaceURI())
                        || !"schema".equals(reader.getLocalName())) {
                    return Optional.empty();
                }
                String namespace = reader.getAttributeValue(null, "targetNamespace");
                Matcher m = namespace == null ? null : MESSAGE_NAMESPACE.matcher(namespace);
                if (m == null || !m.matches()) {
                    return Optional.empty();
                }
                List<String> roots = globalElements(reader);
                if (roots.size() != 1) {
                    throw new IllegalStateException(url + " declares " + roots.size()
                            + " global elements; a message schema declares exactly one root");
                }
                return Optional.of(new Header(m.group(1), m.group(2), namespace, roots.get(0)));
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    /** Names of the xs:element children of the schema element the reader stands on. */
    private static List<String> globalElements(XMLStreamReader reader) throws XMLStreamException {
        List<String> names = new ArrayList<>(1);
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && "element".equals(reader.getLocalName())
                        && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(reader.getNamespaceURI())) {
                    names.add(reader.getAttributeValue(null, "name"));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return names;
    }

    private static List<String> lines(URL index) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + index, e);
        }
    }

    private static URL toUrl(Path file) {
        try {
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot address " + file, e);
        }
    }
}
