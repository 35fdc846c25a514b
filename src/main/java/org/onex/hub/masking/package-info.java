/**
 * Masking (脱敏) of personal data as pure functions, decided by what a value is (a resident ID number that passes
 * its GB 11643 check, a mobile number, a natural person's name), not by the field it sits in:
 * {@link org.onex.hub.masking.Masking} for text, {@link org.onex.hub.masking.ValueMasker} for JSON trees. A floor
 * package: it depends on {@code schema} only, so that alerts, ingest, the API, the console and the log can all use it.
 */
package org.onex.hub.masking;
