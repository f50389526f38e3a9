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
 * and CONTRL as the hub writes them, and the syntax version 3 control schema for the envelopes it writes.
 */
public final class EdifactGuides {
    /** Syntax identifier and version of everything the hub writes: UNOC (ISO 8859-1), syntax version 3. */
    public static final String[] WRITTEN_SYNTAX = {"UNOC", "3"};

    private static final EdifactGuides BUNDLED = load();

    private final Schema cusdec;
    private final Schema cusres;
    private final Schema contrl;
    private final Schema control;

    private EdifactGuides(Schema cusdec, Schema cusres, Schema contrl, Schema control) {
        this.cusdec = cusdec;
        this.cusres = cusres;
        this.contrl = contrl;
        this.control = control;
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

    private static EdifactGuides load() {
        SchemaFactory factory = SchemaFactory.newFactory();
        try {
            return new EdifactGuides(guide(factory, "CUSDEC-D96B-onewindow.xml"), guide(factory, "CUSRES-D96B-onewindow.xml"),
                    guide(factory, "CONTRL-onewindow.xml"), factory.getControlSchema("EDIFACT", WRITTEN_SYNTAX));
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
