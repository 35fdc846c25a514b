package org.onex.hub.exchange;

import java.time.Instant;
import java.util.List;

/**
 * What a sender submits: the letter of a transfer or an assistance request, as the API takes it.
 *
 * @param kind        the kind of exchange
 * @param sender      the unit in whose name the letter is written (R-TRANSFER-SENDER)
 * @param receiver    the receiving unit's registry code; for a case transfer of a matter in
 *                    {@code config/matters.yaml} the table decides and this may be left out
 * @param matterCode  the matter (事项编码) the case concerns, if known
 * @param title       the subject line (案由 / 事由)
 * @param facts       the basic facts, or what is asked of the department
 * @param urgent      urgent: 24 hours to transfer (R-TRANSFER-DEADLINE), staff at once (R-ASSIST-URGENT)
 * @param discoveredAt when the sender found the case (transfers: the 3-working-day clock counts from it)
 * @param party       the party concerned (当事人)
 * @param approval    the sending unit's leadership approval (R-TRANSFER-MATERIALS)
 * @param purpose     what an assistance request asks for
 * @param materials   the attachments, each naming what it is
 * @param actionDate  a joint action's day (R-JOINT-SPECIAL counts 5 days back from it)
 * @param participants the units a joint action involves, besides the applicant
 * @param handoverOf  for a case handed over on the scene of a joint action (R-JOINT-HANDOVER): that action's number;
 *                    the hand-over record then stands for the transfer's materials
 */
public record Letter(ExchangeKind kind, Sender sender, String receiver, String matterCode, String title, String facts,
        boolean urgent, Instant discoveredAt, Party party, Approval approval, Purpose purpose,
        List<Attached> materials, java.time.LocalDate actionDate, List<String> participants, String handoverOf) {

    public Letter {
        materials = materials == null ? List.of() : List.copyOf(materials);
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** A letter of any kind but a joint application. */
    public Letter(ExchangeKind kind, Sender sender, String receiver, String matterCode, String title, String facts,
            boolean urgent, Instant discoveredAt, Party party, Approval approval, Purpose purpose,
            List<Attached> materials) {
        this(kind, sender, receiver, matterCode, title, facts, urgent, discoveredAt, party, approval, purpose,
                materials, null, null, null);
    }

    /** A letter of any kind but a hand-over on the scene. */
    public Letter(ExchangeKind kind, Sender sender, String receiver, String matterCode, String title, String facts,
            boolean urgent, Instant discoveredAt, Party party, Approval approval, Purpose purpose,
            List<Attached> materials, java.time.LocalDate actionDate, List<String> participants) {
        this(kind, sender, receiver, matterCode, title, facts, urgent, discoveredAt, party, approval, purpose,
                materials, actionDate, participants, null);
    }

    /** The materials this letter must carry: its kind's, or the hand-over record for a hand-over on the scene. */
    public List<Material> required() {
        return handoverOf != null && !handoverOf.isBlank() && kind == ExchangeKind.CASE_TRANSFER
                ? List.of(Material.HANDOVER_RECORD) : kind.required();
    }

    /** The unit in whose name the letter is written: its registry code, and its name and credit code as written. */
    public record Sender(String unit, String name, String creditCode) {
    }

    /** The party: its name and its unified social credit code or ID number (one at least). */
    public record Party(String name, String creditCode, String idNumber) {
    }

    /** Who approved the letter in the sending unit (a post, never a person's name) and when. */
    public record Approval(String approver, Instant approvedAt) {
    }

    /** One attachment: what it is, its file name, and its content (Base64) or the SHA-256 of one uploaded before. */
    public record Attached(Material material, String fileName, String content, String sha256) {
    }

    /** What an assistance request asks of a department (R-ASSIST-REPLY, R-ARCHIVE-ACCESS). */
    public enum Purpose {
        DETERMINATION("认定"), APPRAISAL("鉴定"), OPINION("咨询意见"), ARCHIVE_ACCESS("调阅、复制档案");

        private final String zh;

        Purpose(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }
}
