package org.onewindow.reply;

import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * The schema contract a reply builder's test inherits: every document its static {@code documents()} source
 * gives (a name and a {@code Supplier<Document>}, each made with {@link #doc}) is, as serialised for the wire,
 * valid under our schema of the newest version of {@link #replyType()} and under the official published one
 * (skipped when that set is absent); see {@link ReplySchemas}.
 */
abstract class ReplySchemaContract {

    /** The message type every document of {@code documents()} is. */
    abstract String replyType();

    /** One case of {@code documents()}: its display name and how to build its document. */
    static Arguments doc(String name, Supplier<Document> build) {
        return Arguments.of(name, build);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isValidUnderOurSchema(String name, Supplier<Document> build) throws Exception {
        ReplySchemas.assertValidUnderOurs(replyType(), build.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isValidUnderTheOfficialSchema(String name, Supplier<Document> build) throws Exception {
        ReplySchemas.assertValidUnderOfficial(replyType(), build.get());
    }
}
