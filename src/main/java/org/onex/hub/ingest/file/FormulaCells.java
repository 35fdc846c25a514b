package org.onex.hub.ingest.file;

import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Passes a worksheet's SAX events to POI's sheet handler and tells {@link SheetRows} where each cell
 * starts and ends and which formula it holds: POI's handler reports a formula cell's computed value
 * only, and nothing at all when there is none.
 */
final class FormulaCells extends DefaultHandler {

    private static final String NS = XSSFRelation.NS_SPREADSHEETML;

    private final DefaultHandler poi;
    private final SheetRows rows;
    private final StringBuilder formula = new StringBuilder();
    private boolean inFormula;

    FormulaCells(DefaultHandler poi, SheetRows rows) {
        this.poi = poi;
        this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (NS.equals(uri) && "c".equals(localName)) {
            rows.beginCell(attributes.getValue("r"));
        } else if (NS.equals(uri) && "f".equals(localName)) {
            inFormula = true;
            formula.setLength(0);
        }
        poi.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (NS.equals(uri) && "f".equals(localName)) {
            inFormula = false;
            rows.formula(formula.toString());
        }
        poi.endElement(uri, localName, qName);
        if (NS.equals(uri) && "c".equals(localName)) {
            rows.endCell();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (inFormula && formula.length() < 8192) {
            formula.append(ch, start, Math.min(length, 8192 - formula.length()));
        }
        poi.characters(ch, start, length);
    }
}
