package org.onewindow.route;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.message.Dom;
import org.w3c.dom.Element;

/**
 * The values an agency message requires where the declaration may leave the element out. Each is taken
 * from the nearest faithful source in the declaration; only where there is none is a value made up, and
 * each such default says why. Builders ask here only after the declaration's own element turned out
 * missing, except for the two choices every message needs: which classification is the tariff code, and
 * an item's line number in the permit.
 */
final class DerivedValues {
    /** 儲運條件代碼 "1": ordinary (ambient) storage, the code the samples give shelf-stable goods. */
    static final String AMBIENT_HANDLING = "1";
    /** 包裝材料代碼 "ZZ": "mutually defined" in UN/ECE Rec. 21 style; the declaration names no material. */
    static final String UNKNOWN_MATERIAL = "ZZ";

    /** 繳款方式代碼 "01", the payment method of every sample application; used when an application names none. */
    static final String PAYMENT_METHOD = "01";
    /** 用途別代碼 "01" (the samples' liquor purpose: sale), for a liquor application that names none. */
    static final String LIQUOR_PURPOSE = "01";
    /** 申請業務別 "W1" (the samples' liquor business type), for a liquor application that names none. */
    static final String LIQUOR_APPLICATION_TYPE = "W1";
    /** 申請業務別 "P1" (the samples' quarantine business type), for a quarantine application that names none. */
    static final String QUARANTINE_APPLICATION_TYPE = "P1";
    /** 委任方式代碼 "1" (the samples' delegation method), for a liquor application that names none. */
    static final String AUTHORIZATION_TYPE = "1";
    /** 以往進口查驗情形 "N": no earlier inspection is known when the application does not say. */
    static final String NO_PREVIOUS_INSPECTION = "N";

    private static final Pattern ALCOHOL_PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3})?)\\s*%");

    private DerivedValues() {
    }

    /**
     * 受理單位 of an application that names no office: the customs office the goods are declared at (the
     * first two characters of the declaration number), which the agency maps to its own port office.
     */
    static String contactOffice(CombinedDeclaration declaration) {
        return declaration.text("ID").substring(0, 2);
    }

    /** 貨物英文名稱: the item's {@code Commodity/Description} (貨物名稱, required in NX5105, written in English). */
    static String englishDescription(Element item) {
        return Dom.text(item, "Commodity", "Description");
    }

    /** 商標 of an item that declares no brand: its description, cut to the 50 characters a brand may have. */
    static String brand(Element item) {
        return truncate(englishDescription(item), 50);
    }

    /** A party's telephone (its {@code Communication} of type TE, else its first), cut to the 20 characters allowed. */
    static String telephone(Element party) {
        String any = null;
        for (Element c : Dom.children(party, "Communication")) {
            String id = Dom.text(c, "ID");
            if ("TE".equals(Dom.text(c, "TypeID"))) {
                return truncate(id, 20);
            }
            any = any == null ? id : any;
        }
        return any == null ? null : truncate(any, 20);
    }

    /** 貨物中文名稱: no Chinese name declared, so the English one stands in (an..512 either way). */
    static String chineseDescription(Element item) {
        String english = Dom.text(item, "Commodity", "tw_EnglishDescription");
        return english != null ? english : englishDescription(item);
    }

    /**
     * 貨品分類號列: the item's CCC code, the {@code Classification} of type CCC, else its first 11-character
     * one, else its first (NX5105 requires one).
     */
    static Element tariffClassification(Element item) {
        List<Element> classifications = Dom.all(item, "Commodity", "Classification");
        Element eleven = null;
        for (Element c : classifications) {
            if ("CCC".equals(Dom.text(c, "IdentificationTypeCode"))) {
                return c;
            }
            if (eleven == null && Dom.text(c, "ID").length() == 11) {
                eleven = c;
            }
        }
        return eleven != null ? eleven : classifications.get(0);
    }

    /** 產品種類: no product category declared, so the CCC heading (first four digits) categorises the goods. */
    static String goodsGroup(Element item) {
        String code = Dom.text(tariffClassification(item), "ID");
        return code.length() <= 4 ? code : code.substring(0, 4);
    }

    /** 包裝方式代碼: the item's package type ({@code Packaging/TypeCode}), else the declaration's. */
    static String packingMethod(Element item, CombinedDeclaration declaration) {
        String itemType = Dom.text(item, "Packaging", "TypeCode");
        return itemType != null ? itemType : declaration.text("Packaging", "TypeCode");
    }

    /**
     * 成分及規格: the food constituents the item declares ({@code tw_Food/Constituent}: "name percent%; …"),
     * else its description.
     */
    static String constituents(Element item) {
        StringJoiner joined = new StringJoiner("; ");
        for (Element c : Dom.all(item, "Commodity", "tw_Food", "Constituent")) {
            String percent = Dom.text(c, "ElementPercentNumeric");
            joined.add(Dom.text(c, "ElementName") + (percent == null ? "" : " " + percent + "%"));
        }
        return truncate(joined.length() > 0 ? joined.toString() : englishDescription(item), 256);
    }

    /**
     * 件數: the package count of an item that declares no {@code Packaging}: its tariff quantity (rounded up
     * to whole units) counted in its quantity unit, so 360 BOT are 360 bottle packages.
     */
    static String packageQuantity(Element item) {
        return new BigDecimal(Dom.text(item, "GoodsMeasure", "TariffQuantity"))
                .setScale(0, RoundingMode.CEILING).toPlainString();
    }

    /** 件數單位 of an item without {@code Packaging}: its quantity unit ({@code GoodsMeasure/tw_UnitCode}). */
    static String packageType(Element item) {
        return Dom.text(item, "GoodsMeasure", "tw_UnitCode");
    }

    /**
     * 酒精成分 of a liquor item without {@code tw_Wine}: the "15.5%" its description states, else "0" (not
     * declared; DN answers with a correction request).
     */
    static String alcoholContent(Element item) {
        for (String text : new String[] {Dom.text(item, "Commodity", "tw_EnglishDescription"), englishDescription(item)}) {
            Matcher m = text == null ? null : ALCOHOL_PERCENT.matcher(text);
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return "0";
    }

    /**
     * 輸出入許可文件項次 of an item: its line in the application's permit ({@code tw_Application/tw_ID}) when
     * the item's {@code AdditionalDocument} names that permit, else its position in the application (1, 2, …).
     */
    static String permitItemNumber(Element item, String permitId, int positionInApplication) {
        if (permitId != null) {
            for (Element doc : Dom.children(item, "AdditionalDocument")) {
                String line = Dom.text(doc, "tw_SequenceNumeric");
                if (permitId.equals(Dom.text(doc, "ID")) && line != null) {
                    return line;
                }
            }
        }
        return Integer.toString(positionInApplication);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
