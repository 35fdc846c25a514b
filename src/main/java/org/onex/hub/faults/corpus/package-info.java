/**
 * The malformed-file corpus: department files in the shapes county systems really
 * produce when something goes wrong — wrong or mixed encodings, byte-order marks, cut-off uploads, wrong
 * delimiters, broken quoting, duplicate or foreign headers, formula injection, huge cells, zip bombs,
 * encrypted, legacy, macro-enabled or picture-only workbooks — each with the outcome the hub must give
 * it: rejected with a specific {@link org.onex.hub.ingest.file.FileReason} and message, or ingested with
 * specific rows quarantined under a specific rule. {@link org.onex.hub.faults.corpus.MalformedCorpus} is
 * the entry point; the fault suite and MalformedFileCorpusIT drive it through the sftp-source route.
 */
package org.onex.hub.faults.corpus;
