package org.onewindow.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The hub's UN/EDIFACT implementation guides, StAEDI schemas under {@code src/main/resources/edifact/}, each
 * compiled once and shared (a compiled schema is immutable): CUSDEC D.96B as the hub accepts it, CUSRES D.96B
 * and CONTRL as the hub writes them, and StAEDI's control schemas for syntax versions 1–3 and 4 (envelopes), so
 * no reader loads one per interchange.
 */
public final class EdifactGuides {
    /** Syntax identifier and version of everything the hub writes: UNOC (ISO 8859-1), syntax version 3. */
    public static final String[] WRITTEN_SYNTAX = {"UNOC", "3"};

    private static final EdifactGuides BUNDLED = load();

    private final Schema cusdec;
    private final Schema cusres;
    private final Schema contrl;
    private final Schema control;
    private final Schema controlV4;

    private EdifactGuides(Schema cusdec, Schema cusres, Schema contrl, Schema control, Schema controlV4) {
        this.cusdec = cusdec;
        this.cusres = cusres;
        this.contrl = contrl;
        this.control = control;
        this.controlV4 = controlV4;
    }

    public static EdifactGuides bundled() {
        return BUNDLED;
    }

    public Schema cusdec() {
        return cusdec;
    }

    public Schema cusres() {
        return cusres;
    }

    public Schema contrl() {
        return contrl;
    }

    /** The control (envelope) schema for the syntax the hub writes. */
    public Schema control() {
        return control;
    }

    /** The control schema for reading an interchange of a syntax version: 4, or 1 to 3 (StAEDI's one schema for those). */
    public Schema control(String syntaxVersion) {
        return "4".equals(syntaxVersion) ? controlV4 : control;
    }

    private static EdifactGuides load() {
        SchemaFactory factory = SchemaFactory.newFactory();
        try {
            return new EdifactGuides(guide(factory, "CUSDEC-D96B-onewindow.xml"), guide(factory, "CUSRES-D96B-onewindow.xml"),
                    guide(factory, "CONTRL-onewindow.xml"), factory.getControlSchema("EDIFACT", WRITTEN_SYNTAX),
                    factory.getControlSchema("EDIFACT", new String[] {"UNOW", "4"}));
        } catch (EDISchemaException e) {
            throw new IllegalStateException("A bundled EDIFACT implementation guide does not compile: " + e.getMessage(), e);
        }
    }

    private static Schema guide(SchemaFactory factory, String name) throws EDISchemaException {
        try (InputStream in = EdifactGuides.class.getResourceAsStream("/edifact/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled guide edifact/" + name);
            }
            return factory.createSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
