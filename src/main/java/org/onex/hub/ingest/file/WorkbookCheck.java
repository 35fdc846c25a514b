package org.onex.hub.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file named .xlsx really is, before and right after POI opens it, so that each kind of wrong
 * workbook gets its own reason instead of POI's "not a valid OOXML file": a text file, a cut-off zip, an
 * Excel 97–2003 or password-protected (both OLE2) file, a macro-enabled workbook.
 */
final class WorkbookCheck {

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1 };
    /** End of central directory record: 22 bytes plus a comment of up to 65,535. */
    private static final int EOCD_SEARCH = 22 + 65_535;
    private static final Pattern MACROS = Pattern.compile("/xl/vbaProject\\.bin", Pattern.CASE_INSENSITIVE);

    private WorkbookCheck() {
    }

    /** Rejects a file that is not a complete OOXML zip, naming what it is instead. */
    static void beforeOpening(Path file) throws FileRejectedException, IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (startsWith(head, OLE2)) {
            throw ole2(file);
        }
        if (!startsWith(head, ZIP)) {
            boolean printable = new String(head, StandardCharsets.ISO_8859_1).chars()
                    .allMatch(c -> c >= 0x20 && c != 0x7F || c == '\t' || c == '\r' || c == '\n');
            throw new FileRejectedException(FileReason.XLSX_NOT_A_WORKBOOK, "the file is not an XLSX workbook (it does"
                    + " not start with a zip header" + (printable ? "; it looks like text: a CSV file named .xlsx?" : "")
                    + ")");
        }
        if (!hasEndOfCentralDirectory(file)) {
            throw new FileRejectedException(FileReason.XLSX_TRUNCATED, "the workbook is cut off: its zip directory"
                    + " (the end of the file) is missing (incomplete upload?)");
        }
    }

    /** Rejects a macro-enabled workbook (an .xlsm renamed .xlsx): the hub takes data, never code. */
    static void afterOpening(OPCPackage workbook) throws FileRejectedException, InvalidFormatException {
        boolean macroType = workbook.getParts().stream()
                .anyMatch(p -> p.getContentType().contains("macroEnabled") || p.getContentType().contains("vbaProject"));
        if (macroType || !workbook.getPartsByName(MACROS).isEmpty()) {
            throw new FileRejectedException(FileReason.XLSX_MACROS, "the workbook contains macros (VBA project; an"
                    + " .xlsm file named .xlsx): save it as an Excel workbook without macros (.xlsx)");
        }
    }

    private static FileRejectedException ole2(Path file) throws IOException {
        boolean encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            encrypted = fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException e) {
            encrypted = false;
        }
        return encrypted
                ? new FileRejectedException(FileReason.XLSX_ENCRYPTED, "the workbook is password-protected (encrypted):"
                        + " the hub cannot read it; save it without a password to open")
                : new FileRejectedException(FileReason.XLSX_LEGACY_XLS, "the file is an Excel 97-2003 workbook (.xls)"
                        + " named .xlsx: save it as an Excel workbook (.xlsx)");
    }

    private static boolean hasEndOfCentralDirectory(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(length, EOCD_SEARCH);
            byte[] tail = new byte[n];
            raf.seek(length - n);
            raf.readFully(tail);
            for (int i = n - 22; i >= 0; i--) {
                if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
