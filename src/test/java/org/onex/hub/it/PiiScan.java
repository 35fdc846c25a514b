package org.onex.hub.it;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onex.hub.schema.IdNumbers;

/**
 * Finds unmasked personal data in a response body, a message or a file (issue 13 item 4): every 18-character
 * resident ID number with a valid GB 11643 check character (wherever it sits, even glued to letters) and every
 * mainland mobile number (1[3-9] and 9 digits, dashes or blanks allowed, not part of a longer code). Hex digests
 * (content hashes, id digests) are skipped: a digit run inside one is chance.
 */
final class PiiScan {

    private static final Pattern ID = Pattern.compile("(?<![0-9])\\d{17}[0-9Xx](?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?![0-9A-Za-z])");
    private static final Pattern DIGEST = Pattern.compile("(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])");

    private PiiScan() {
    }

    /** The unmasked ID and mobile numbers in {@code text}, in order of appearance, each once. */
    static List<String> find(String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (text == null) {
            return List.of();
        }
        String scanned = DIGEST.matcher(text).replaceAll("#");
        Matcher id = ID.matcher(scanned);
        while (id.find()) {
            if (IdNumbers.isValid(id.group())) {
                out.add(id.group());
            }
        }
        Matcher mobile = MOBILE.matcher(scanned);
        while (mobile.find()) {
            out.add(mobile.group());
        }
        return List.copyOf(out);
    }
}
