package org.onewindow.it;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onewindow.schema.SecureXml;
import org.onewindow.trust.XmlSigner;

/**
 * Many distinct, signed declarations of mixed shapes, as a day of back-office traffic: customs only, food and
 * liquor, all four agencies, customs' document check (C2), an agency inspection, and one the agencies refuse
 * (merged NX5106 N). Shapes that the demo agencies key on the broker serial (992 C2, 996 inspect, 997 refuse) use
 * those serials; every declaration number is unique (customs office code and serial vary).
 */
final class Filings {
    /** The demo importer of the food and all-agency samples, and the demo broker (box K73) it delegates to. */
    static final String IMPORTER = "12345675";
    static final String BROKER = "16151437";
    /** The importer of the customs-only sample. */
    static final String OTHER_IMPORTER = "24536806";

    /** How a declaration looks and who sends it. */
    enum Shape {
        CUSTOMS_ONLY("customs-only.xml", BROKER, null, "Y"),
        CUSTOMS_DOCUMENT_CHECK("customs-only.xml", BROKER, "992", "Y"),
        FOOD_LIQUOR("food-liquor.xml", IMPORTER, null, "Y"),
        FOOD_LIQUOR_INSPECTED("food-liquor.xml", IMPORTER, "996", "Y"),
        FOOD_LIQUOR_REFUSED("food-liquor.xml", BROKER, "997", "N"),
        ALL_AGENCIES("all-agencies-60-items.xml", IMPORTER, null, "Y");

        final String sample;
        final String sender;
        final String serialPrefix;
        /** The merged acknowledgement the case ends with: Y or N. */
        final String mergedAck;

        Shape(String sample, String sender, String serialPrefix, String mergedAck) {
            this.sample = sample;
            this.sender = sender;
            this.serialPrefix = serialPrefix;
            this.mergedAck = mergedAck;
        }
    }

    /** One signed declaration ready to submit. */
    record Filing(String declarationNo, Shape shape, String sender, byte[] signed) {
    }

    /** Forty slots of a repeating day: mostly customs only and food + liquor, a few of each special shape. */
    static final List<Shape> DAY = day();

    private Filings() {
    }

    /** {@code count} declarations shaped by the repeating {@code mix}, each signed by its sender's key ({@code signers} by party id). */
    static List<Filing> make(int count, List<Shape> mix, Function<String, XmlSigner> signers) throws Exception {
        Map<Shape, String> templates = new EnumMap<>(Shape.class);
        Map<Shape, Integer> used = new EnumMap<>(Shape.class);
        for (Shape shape : Shape.values()) {
            templates.put(shape, Files.readString(Path.of("samples/NX5105/valid", shape.sample), StandardCharsets.UTF_8));
        }
        List<Filing> filings = new ArrayList<>(count);
        int ordinary = 0;
        for (int i = 0; i < count; i++) {
            Shape shape = mix.get(i % mix.size());
            String number;
            if (shape.serialPrefix == null) {
                number = number(ordinary / 99_000, String.format("%05d", ordinary % 99_000));
                ordinary++;
            } else {
                int k = used.merge(shape, 1, Integer::sum) - 1;
                number = number(k / 100, shape.serialPrefix + String.format("%02d", k % 100));
            }
            String template = templates.get(shape);
            String original = template.replaceAll("(?s).*?<ID>([A-Z0-9]{2}  14K73[0-9]{5})</ID>.*", "$1");
            byte[] xml = template.replace(original, number).getBytes(StandardCharsets.UTF_8);
            var document = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            filings.add(new Filing(number, shape, shape.sender, signers.apply(shape.sender).signedBytes(document)));
        }
        return filings;
    }

    /** Office code (AA, AB, … by block), two blanks, ROC year 14, box K73, serial. */
    private static String number(int block, String serial) {
        return "A" + (char) ('A' + block) + "  14K73" + serial;
    }

    private static List<Shape> day() {
        List<Shape> mix = new ArrayList<>();
        add(mix, Shape.CUSTOMS_ONLY, 13);
        add(mix, Shape.FOOD_LIQUOR, 15);
        add(mix, Shape.CUSTOMS_DOCUMENT_CHECK, 4);
        add(mix, Shape.FOOD_LIQUOR_INSPECTED, 3);
        add(mix, Shape.FOOD_LIQUOR_REFUSED, 4);
        add(mix, Shape.ALL_AGENCIES, 1);
        return List.copyOf(mix);
    }

    private static void add(List<Shape> mix, Shape shape, int times) {
        for (int i = 0; i < times; i++) {
            mix.add(shape);
        }
    }
}
