package org.onex.hub.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a copy notice (抄告单) on one A4 page with PDFBox: the notice above, a dashed cut line, the receipt slip
 * (回执) below with the short code and a QR code of the one-time receipt link. The CJK font is embedded as a
 * subset (only the characters used), so the notice prints the same on any machine.
 */
public final class NoticePdf {

    /** What a notice says. {@code lines} are label → text pairs in order; long texts are wrapped. */
    public record Content(String noticeNumber, String toUnit, String liaison, String heading,
            List<Map.Entry<String, String>> lines, String note, String documentNumber, String shortCode,
            String receiptUrl) {
    }

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final Path fontFile;

    private NoticePdf(Path fontFile) {
        this.fontFile = fontFile;
    }

    /**
     * The renderer with the configured font, or the first installed candidate.
     *
     * @throws NoticeFontMissingException naming what to install or set
     */
    public static NoticePdf withFont(Path configured) {
        if (configured != null) {
            if (!Files.isReadable(configured)) {
                throw new NoticeFontMissingException("hub.notices.font " + configured + " is not a readable file");
            }
            return new NoticePdf(configured);
        }
        for (Path p : NoticeProperties.CANDIDATES) {
            if (Files.isReadable(p)) {
                return new NoticePdf(p);
            }
        }
        throw new NoticeFontMissingException("no CJK font for 抄告 copy notices: install Debian's fonts-wqy-microhei"
                + " (apt-get install fonts-wqy-microhei) or set hub.notices.font to a .ttf/.ttc with Chinese"
                + " characters; looked for " + NoticeProperties.CANDIDATES);
    }

    public Path fontFile() {
        return fontFile;
    }

    public byte[] render(Content c) {
        try (PDDocument doc = new PDDocument(); TrueTypeCollectionOrFont ttf = TrueTypeCollectionOrFont.open(fontFile)) {
            PDType0Font font = PDType0Font.load(doc, ttf.font(), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(c.heading() + " " + c.noticeNumber());
            info.setCreator("1+X data-sharing hub");
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN;
                y = centered(s, font, 11, "武义县“1+X”执法协作数据共享平台", y);
                y = centered(s, font, 20, c.heading(), y - 10);
                y = left(s, font, 10, "编号：" + c.noticeNumber(), y - 6);
                y = left(s, font, 12, "致：" + c.toUnit() + (c.liaison() == null ? "" : "（" + c.liaison() + "）"),
                        y - 10);
                for (Map.Entry<String, String> line : c.lines()) {
                    y = wrapped(s, font, 11, line.getKey() + "：" + (line.getValue() == null ? "—" : line.getValue()),
                            y - 4);
                }
                if (c.note() != null) {
                    y = wrapped(s, font, 9, c.note(), y - 8);
                }
                float cut = Math.min(y - 24, 300);
                dashed(s, cut);
                centeredText(s, font, 8, "沿此线剪下，签字后交回或扫码确认签收", cut - 12);
                float slip = cut - 40;
                slip = left(s, font, 16, "回  执", slip);
                slip = left(s, font, 11, "抄告编号：" + c.noticeNumber(), slip - 8);
                slip = wrapped(s, font, 11, "文号：" + c.documentNumber(), slip - 4);
                slip = left(s, font, 11, "签收单位：" + c.toUnit(), slip - 4);
                slip = left(s, font, 11, "签收人（签字）：____________    签收日期：______年____月____日", slip - 12);
                slip = left(s, font, 11, "短码：" + c.shortCode(), slip - 12);
                left(s, font, 9, "扫描右侧二维码，或由平台操作员输入短码，确认签收", slip - 4);
                qr(s, c.receiptUrl(), PDRectangle.A4.getWidth() - MARGIN - 110, cut - 150, 110);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw copy notice " + c.noticeNumber(), e);
        }
    }

    private static float centered(PDPageContentStream s, PDType0Font font, float size, String text, float y)
            throws IOException {
        centeredText(s, font, size, text, y - size);
        return y - size * 1.5f;
    }

    private static void centeredText(PDPageContentStream s, PDType0Font font, float size, String text, float baseline)
            throws IOException {
        String shown = printable(font, text);
        float w = font.getStringWidth(shown) / 1000 * size;
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset((PDRectangle.A4.getWidth() - w) / 2, baseline);
        s.showText(shown);
        s.endText();
    }

    private static float left(PDPageContentStream s, PDType0Font font, float size, String text, float y)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(MARGIN, y - size);
        s.showText(printable(font, text));
        s.endText();
        return y - size * 1.5f;
    }

    /** Writes {@code text} over as many lines as the page width needs. */
    private static float wrapped(PDPageContentStream s, PDType0Font font, float size, String text, float y)
            throws IOException {
        String shown = printable(font, text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < shown.length(); ) {
            int cp = shown.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (font.getStringWidth(line + ch) / 1000 * size > WIDTH && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        for (String l : lines) {
            y = left(s, font, size, l, y);
        }
        return y;
    }

    /** The text with any character the font lacks replaced by a full-width question mark, never an exception. */
    private static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.replace('\n', ' ').replace('\r', ' ').codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('？');
            }
        });
        return out.toString();
    }

    private static void dashed(PDPageContentStream s, float y) throws IOException {
        s.setLineDashPattern(new float[] { 4, 3 }, 0);
        s.moveTo(MARGIN - 20, y);
        s.lineTo(PDRectangle.A4.getWidth() - MARGIN + 20, y);
        s.stroke();
        s.setLineDashPattern(new float[] {}, 0);
    }

    /** The QR code as filled squares (vector, sharp in print). */
    private static void qr(PDPageContentStream s, String text, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text + " as a QR code", e);
        }
        float cell = size / m.getWidth();
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    s.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        s.fill();
    }

    /** A .ttc's first font or a .ttf, closed with the document. */
    private record TrueTypeCollectionOrFont(TrueTypeCollection collection, TrueTypeFont single)
            implements AutoCloseable {

        static TrueTypeCollectionOrFont open(Path file) throws IOException {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                return new TrueTypeCollectionOrFont(new TrueTypeCollection(file.toFile()), null);
            }
            return new TrueTypeCollectionOrFont(null,
                    new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile())));
        }

        TrueTypeFont font() throws IOException {
            if (single != null) {
                return single;
            }
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return first[0];
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
            if (single != null) {
                single.close();
            }
        }
    }
}
