package org.onex.hub.exchange;

import java.time.Instant;
import java.util.List;

import org.onex.hub.calendar.Periods;
import org.onex.hub.registry.DepartmentRegistry;

/**
 * Which action is allowed in which state of which kind of exchange, and what it needs; the answer is the next
 * state, whether the action also counts as receipt, and the new due time of an agreed extension. Each refusal
 * names the missing item or the state.
 */
final class ExchangeTransitions {

    private ExchangeTransitions() {
    }

    /** What an allowed action leads to. */
    record Next(ExchangeState state, boolean receipt, Instant extendTo, boolean clearDue) {
    }

    static Next next(Exchange x, Answer a, List<ExchangeStore.Event> events, DepartmentRegistry registry, Instant now,
            List<Refusal> out) {
        String rule = LetterChecks.ruleOf(x.kind());
        boolean assistance = x.kind() == ExchangeKind.ASSISTANCE_REQUEST;
        if (x.state().closed()) {
            out.add(new Refusal("action", rule, x.number() + " 已办结（" + x.state().zh() + "）", x.number()
                    + " is closed (" + x.state() + "): no " + a.action() + " any more"));
            return null;
        }
        boolean submitted = x.state() == ExchangeState.SUBMITTED;
        switch (a.action()) {
        case RECEIPT -> {
            need(submitted && x.receivedAt() == null, x, a, "已签收", "was already received", out, rule);
            return new Next(ExchangeState.SUBMITTED, true, null, false);
        }
        case ACCEPT -> {
            need(!assistance, x, a, "协助函不适用受理", "is not a transfer", out, rule);
            need(submitted, x, a, "不在待受理状态", "is not waiting for an answer", out, rule);
            required("caseNumber", a.caseNumber(), "受理须填写本单位案件编号", out, rule);
            return new Next(ExchangeState.ACCEPTED, true, null, false);
        }
        case RETURN -> {
            need(!assistance, x, a, "协助函不适用退回", "is not a transfer", out, rule);
            need(submitted, x, a, "不在待受理状态", "is not waiting for an answer", out, rule);
            required("reasons", a.reasons(), "退回须写明理由", out, rule);
            return new Next(ExchangeState.RETURNED, true, null, false);
        }
        case DISPUTE -> {
            need(x.kind() == ExchangeKind.CASE_TRANSFER, x, a, "仅案件移送可提出管辖异议", "is not a case transfer",
                    out, "R-TRANSFER-BOUNDARY");
            need(submitted, x, a, "不在待受理状态", "is not waiting for an answer", out, "R-TRANSFER-BOUNDARY");
            required("reasons", a.reasons(), "管辖异议须写明理由", out, "R-TRANSFER-BOUNDARY");
            if (registry.justice().isEmpty()) {
                out.add(new Refusal("action", "R-TRANSFER-BOUNDARY", "单位名录中没有司法局（kind: JUSTICE），无法提请裁决",
                        "no JUSTICE unit in config/departments.yaml to decide the dispute"));
            }
            return new Next(ExchangeState.DISPUTED, true, null, true);
        }
        case DECIDE -> {
            need(x.state() == ExchangeState.DISPUTED, x, a, "没有待裁决的管辖异议", "has no dispute to decide", out,
                    "R-TRANSFER-BOUNDARY");
            required("reasons", a.reasons(), "裁决须写明理由", out, "R-TRANSFER-BOUNDARY");
            if (a.competentUnit() == null || !x.involves(a.competentUnit())) {
                out.add(new Refusal("competentUnit", "R-TRANSFER-BOUNDARY", "裁决须指明有管辖权的单位（移送方或接收方）",
                        "competentUnit must be the sender (" + x.sender() + ") or the receiver (" + x.receiver()
                                + ")"));
            }
            return new Next(ExchangeState.DECIDED, false, null, false);
        }
        case REPLY -> {
            need(assistance, x, a, "不是协助函", "is not an assistance request", out, rule);
            need(submitted, x, a, "不在待答复状态", "is not waiting for a reply", out, rule);
            boolean letter = a.materials().stream().anyMatch(m -> m != null && m.material() == Material.REPLY_LETTER);
            if ((a.text() == null || a.text().isBlank()) && !letter) {
                out.add(new Refusal("text", rule, "书面答复须有答复内容或答复文书（REPLY_LETTER）",
                        "a written reply needs text or a REPLY_LETTER attachment"));
            }
            return new Next(ExchangeState.REPLIED, true, null, false);
        }
        case EXTEND -> {
            need(assistance, x, a, "不是协助函", "is not an assistance request", out, "R-ASSIST-EXTEND");
            need(submitted, x, a, "不在待答复状态", "is not waiting for a reply", out, "R-ASSIST-EXTEND");
            required("reasons", a.reasons(), "延期须写明理由", out, "R-ASSIST-EXTEND");
            if (x.replyDueAt() != null && !now.isBefore(x.replyDueAt())) {
                out.add(new Refusal("action", "R-ASSIST-EXTEND", "延期须在答复期限（" + x.replyDueAt() + "）届满前提出",
                        "an extension is asked before the due time " + x.replyDueAt() + ", not after"));
            }
            if (a.newDueDate() == null) {
                out.add(new Refusal("newDueDate", "R-ASSIST-EXTEND", "须写明延期至哪一天", "newDueDate is required"));
            } else if (x.replyDueAt() != null && !Periods.endOf(a.newDueDate()).isAfter(x.replyDueAt())) {
                out.add(new Refusal("newDueDate", "R-ASSIST-EXTEND", "延期后的日期须晚于现在的答复期限",
                        "newDueDate " + a.newDueDate() + " is not later than the due time " + x.replyDueAt()));
            }
            if (pendingExtension(events) != null) {
                out.add(new Refusal("action", "R-ASSIST-EXTEND", "上一次延期申请尚未答复",
                        "the previous extension request has not been answered"));
            }
            return new Next(ExchangeState.SUBMITTED, true, null, false);
        }
        case EXTENSION_ANSWER -> {
            need(assistance && submitted, x, a, "没有待答复的延期申请", "has no extension request", out,
                    "R-ASSIST-EXTEND");
            ExchangeStore.Event asked = pendingExtension(events);
            if (asked == null) {
                out.add(new Refusal("action", "R-ASSIST-EXTEND", "没有待答复的延期申请",
                        "no extension was asked, or it was answered"));
                return null;
            }
            if (a.agreed() == null) {
                out.add(new Refusal("agreed", "R-ASSIST-EXTEND", "须写明是否同意延期", "agreed (true/false) is required"));
            }
            Instant to = Boolean.TRUE.equals(a.agreed())
                    ? Periods.endOf(java.time.LocalDate.parse(asked.detail().path("newDueDate").asText())) : null;
            return new Next(ExchangeState.SUBMITTED, false, to, false);
        }
        case STAFF_DISPATCHED -> {
            need(assistance && x.urgent(), x, a, "不是紧急协助", "is not an urgent assistance request", out,
                    "R-ASSIST-URGENT");
            need(submitted, x, a, "不在待答复状态", "is not waiting for a reply", out, "R-ASSIST-URGENT");
            return new Next(ExchangeState.SUBMITTED, true, null, false);
        }
        case APPROVE, REJECT -> {
            boolean approve = a.action() == Answer.Action.APPROVE;
            need(x.kind() == ExchangeKind.JOINT_APPLICATION, x, a, "不是联合执法申请", "is not a joint application", out,
                    "R-JOINT-SPECIAL");
            need(submitted, x, a, "不在待批准状态", "is not waiting for the office", out, "R-JOINT-SPECIAL");
            if (!approve) {
                required("reasons", a.reasons(), "不予批准须写明理由", out, "R-JOINT-SPECIAL");
            }
            return new Next(approve ? ExchangeState.APPROVED : ExchangeState.REJECTED, true, null, true);
        }
        case LINK_CASE -> {
            need(x.state() == ExchangeState.APPROVED, x, a, "未经批准的联合执法没有后续案件", "is not an approved joint"
                    + " action", out, "R-JOINT-SPLIT");
            required("caseNumber", a.caseNumber(), "须写明本单位立案编号", out, "R-JOINT-SPLIT");
            return new Next(ExchangeState.APPROVED, false, null, false);
        }
        default -> throw new IllegalArgumentException("unknown action " + a.action());
        }
    }

    /** The last EXTEND event not followed by an EXTENSION_ANSWER, or null. */
    static ExchangeStore.Event pendingExtension(List<ExchangeStore.Event> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            String e = events.get(i).event();
            if (e.equals(Answer.Action.EXTENSION_ANSWER.name())) {
                return null;
            }
            if (e.equals(Answer.Action.EXTEND.name())) {
                return events.get(i);
            }
        }
        return null;
    }

    private static void need(boolean ok, Exchange x, Answer a, String zh, String en, List<Refusal> out, String rule) {
        if (!ok) {
            out.add(new Refusal("action", rule, x.number() + " " + zh + "，不能" + a.action(),
                    x.number() + " " + en + " (" + x.kind() + ", " + x.state() + "): " + a.action() + " not allowed"));
        }
    }

    private static void required(String item, String value, String zh, List<Refusal> out, String rule) {
        if (value == null || value.isBlank()) {
            out.add(new Refusal(item, rule, zh, item + " is required"));
        }
    }
}
