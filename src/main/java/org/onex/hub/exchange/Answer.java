package org.onex.hub.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * What a party of an exchange does to it after it was submitted.
 *
 * @param action     what is done
 * @param caseNumber the receiver's case number when it accepts a transfer (受理)
 * @param reasons    why a transfer is returned or disputed, why an extension is asked, or the decision's grounds
 * @param text       the written reply to an assistance request
 * @param newDueDate the date an extension asks for (R-ASSIST-EXTEND), counted to 24:00 of that day
 * @param agreed     whether the bureau agrees to an extension
 * @param competentUnit the unit the Justice Bureau decides is competent (R-TRANSFER-BOUNDARY)
 * @param materials  attachments (answer documents, the written reply, the decision)
 */
public record Answer(Action action, String caseNumber, String reasons, String text, LocalDate newDueDate,
        Boolean agreed, String competentUnit, List<Letter.Attached> materials) {

    public Answer {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** The actions, each allowed to one party in some states ({@link Exchanges} checks). */
    public enum Action {
        /** The receiver confirms it has the letter; its reply clock starts. */
        RECEIPT,
        /** 受理: the receiver accepts a transfer, with its case number. */
        ACCEPT,
        /** 退回: the receiver returns a transfer, with reasons. */
        RETURN,
        /** 管辖异议: the receiver disputes its jurisdiction; the Justice Bureau decides. */
        DISPUTE,
        /** 书面答复: the department answers an assistance request in writing. */
        REPLY,
        /** 延期申请: the department asks, before the due time, for more time (R-ASSIST-EXTEND). */
        EXTEND,
        /** The bureau agrees to the extension asked, or refuses it. */
        EXTENSION_ANSWER,
        /** 紧急协助: the department confirms it is sending staff to the scene (R-ASSIST-URGENT). */
        STAFF_DISPATCHED,
        /** 裁决: the Justice Bureau decides a jurisdiction dispute. */
        DECIDE,
        /** 批准: the leadership-group office approves a joint-enforcement application; the applicant leads. */
        APPROVE,
        /** 不予批准: the office rejects it, with reasons. */
        REJECT,
        /** 后续案件: a participant links the case it filed after the joint action (R-JOINT-SPLIT). */
        LINK_CASE
    }
}
