package org.onex.hub.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onex.hub.delivery.MatterTable;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentKind;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.CreditCodes;
import org.onex.hub.schema.IdNumbers;
import org.onex.hub.schema.Violation;

/**
 * The checks of a letter before anything is stored, each failure a {@link Refusal} naming its item and rule:
 * the sender is the unit itself (R-TRANSFER-SENDER), the materials and the leadership approval are there
 * (R-TRANSFER-MATERIALS), the party is identified by a valid credit code or ID number, and the receiver is the
 * competent unit (R-TRANSFER-MUTUAL, R-JUDICIAL, R-ASSIST-REPLY).
 */
final class LetterChecks {

    private final DepartmentRegistry registry;
    private final MatterTable matters;
    private final String publicSecurity;
    private final java.util.function.Function<String, Optional<Exchange>> byNumber;

    LetterChecks(DepartmentRegistry registry, MatterTable matters, String publicSecurity,
            java.util.function.Function<String, Optional<Exchange>> byNumber) {
        this.registry = registry;
        this.matters = matters;
        this.publicSecurity = publicSecurity;
        this.byNumber = byNumber;
    }

    /** The receiving unit and why it receives the letter. */
    record Receiver(String unit, String why) {
    }

    /** Every refusal of the letter; empty if it may be submitted. */
    List<Refusal> check(Letter letter, Instant now) {
        List<Refusal> out = new ArrayList<>();
        if (letter.kind() == null) {
            out.add(new Refusal("kind", "R-CATEGORIES", "缺少协作类型", "kind is required: one of "
                    + EnumSet.allOf(ExchangeKind.class)));
            return out;
        }
        sender(letter, out);
        if (blank(letter.title())) {
            out.add(new Refusal("title", ruleOf(letter.kind()), "缺少案由/事由", "title is required"));
        }
        if (blank(letter.facts())) {
            out.add(new Refusal("facts", ruleOf(letter.kind()), "缺少基本事实或协助事项", "facts is required"));
        }
        if (letter.kind() != ExchangeKind.JOINT_APPLICATION || letter.party() != null) {
            party(letter, out); // a joint action may target an area or a trade, not one party
        }
        materials(letter, out);
        if (letter.kind().transfer()) {
            transfer(letter, now, out);
        } else if (letter.kind() == ExchangeKind.JOINT_APPLICATION) {
            joint(letter, now, out);
        } else if (letter.purpose() == null) {
            out.add(new Refusal("purpose", "R-ASSIST-REPLY", "协助函须写明请求认定、鉴定、咨询意见或调阅档案",
                    "purpose is required: one of " + EnumSet.allOf(Letter.Purpose.class)));
        }
        if (out.isEmpty()) {
            receiver(letter, out);
        }
        if (out.isEmpty() && letter.handoverOf() != null && !letter.handoverOf().isBlank()) {
            handover(letter, out);
        }
        return out;
    }

    /**
     * R-JOINT-HANDOVER: a case handed over on the scene names an approved joint action in which both the sender and
     * the receiver take part.
     */
    private void handover(Letter letter, List<Refusal> out) {
        Optional<Exchange> action = byNumber.apply(letter.handoverOf().trim());
        if (letter.kind() != ExchangeKind.CASE_TRANSFER) {
            out.add(new Refusal("handoverOf", "R-JOINT-HANDOVER", "现场移交只适用于案件移送",
                    "a hand-over on the scene is a case transfer"));
        } else if (action.isEmpty() || action.get().kind() != ExchangeKind.JOINT_APPLICATION
                || action.get().state() != ExchangeState.APPROVED) {
            out.add(new Refusal("handoverOf", "R-JOINT-HANDOVER", letter.handoverOf() + " 不是已批准的联合执法行动",
                    letter.handoverOf() + " is not an approved joint action"));
        } else {
            List<String> units = new java.util.ArrayList<>(List.of(action.get().sender()));
            action.get().letter().path("participants").forEach(p -> units.add(p.asText()));
            String receiver = letter.receiver() == null ? null : letter.receiver().trim();
            if (!units.contains(letter.sender().unit()) || !units.contains(receiver)) {
                out.add(new Refusal("handoverOf", "R-JOINT-HANDOVER", "移交双方须均为联合执法行动 "
                        + letter.handoverOf() + " 的参与单位", "the sender and the receiver both take part in "
                                + letter.handoverOf() + " (" + units + ")"));
            }
        }
    }

    /**
     * R-TRANSFER-SENDER: a letter is written in the name of a registered unit itself. The name must be the unit's
     * registered name (an internal unit 内设机构 or a dispatched unit 派驻机构 writes its own name, such as
     * 县市场监管局执法大队), and where the registry has the unit's credit code, the letter's must be it (a dispatched
     * unit has its own).
     */
    private void sender(Letter letter, List<Refusal> out) {
        Letter.Sender s = letter.sender();
        if (s == null || blank(s.unit())) {
            out.add(new Refusal("sender.unit", "R-TRANSFER-SENDER", "缺少发送单位", "sender.unit is required"));
            return;
        }
        Optional<Department> unit = registry.find(s.unit());
        if (unit.isEmpty()) {
            out.add(new Refusal("sender.unit", "R-TRANSFER-SENDER", "发送单位 " + s.unit() + " 不在单位名录中",
                    "sender.unit '" + s.unit() + "' is not in config/departments.yaml"));
            return;
        }
        Department d = unit.get();
        if (d.kind() != DepartmentKind.BUREAU && d.kind() != DepartmentKind.DEPARTMENT) {
            out.add(new Refusal("sender.unit", "R-TRANSFER-SENDER", d.nameZh() + " 不能发起" + letter.kind().zh(),
                    d.code() + " (" + d.kind() + ") cannot send a " + letter.kind()));
            return;
        }
        if (!letter.kind().transfer() && d.kind() != DepartmentKind.BUREAU) {
            out.add(new Refusal("sender.unit", "R-ASSIST-REPLY", "协助函由综合行政执法局发出",
                    "an assistance request is sent by the bureau (" + registry.bureau().code() + ")"));
        }
        String name = s.name() == null ? "" : s.name().trim();
        if (!name.equals(d.nameZh())) {
            boolean internal = !name.isEmpty() && name.startsWith(d.nameZh());
            out.add(new Refusal("sender.name", "R-TRANSFER-SENDER", internal
                    ? "移送应以 " + d.nameZh() + " 的名义作出，不得以内设机构或派驻机构“" + name + "”的名义"
                    : "发送单位名称“" + name + "”与名录中的 " + d.nameZh() + " 不一致",
                    internal ? "a transfer is made in the name of " + d.nameZh() + " itself, not of its internal or"
                            + " dispatched unit '" + name + "'"
                            : "sender.name '" + name + "' is not the registered name of " + d.code() + " ("
                                    + d.nameZh() + ")"));
        }
        String code = s.creditCode() == null ? null : CreditCodes.normalize(s.creditCode());
        if (code == null || code.isEmpty()) {
            out.add(new Refusal("sender.creditCode", "R-TRANSFER-SENDER", "缺少发送单位统一社会信用代码",
                    "sender.creditCode is required"));
        } else if (!CreditCodes.isValid(code)) {
            out.add(new Refusal("sender.creditCode", "R-TRANSFER-SENDER", "发送单位统一社会信用代码校验不通过",
                    "sender.creditCode " + code + " fails the GB 32100 check"));
        } else if (d.creditCode() != null && !d.creditCode().equals(code)) {
            out.add(new Refusal("sender.creditCode", "R-TRANSFER-SENDER", "统一社会信用代码 " + code + " 不是 "
                    + d.nameZh() + " 的代码（派驻机构或内设机构不能以自己的名义移送）", "sender.creditCode " + code
                    + " is not the credit code of " + d.nameZh() + " in the registry (" + d.creditCode()
                    + "): a dispatched or internal unit cannot send in its own name"));
        }
    }

    private static void party(Letter letter, List<Refusal> out) {
        Letter.Party p = letter.party();
        String rule = ruleOf(letter.kind());
        if (p == null || blank(p.name())) {
            out.add(new Refusal("party.name", rule, "缺少当事人名称", "party.name is required"));
        }
        boolean hasCode = p != null && !blank(p.creditCode());
        boolean hasId = p != null && !blank(p.idNumber());
        if (p != null && !hasCode && !hasId) {
            out.add(new Refusal("party", rule, "当事人须有统一社会信用代码或身份证号码",
                    "party needs a creditCode or an idNumber"));
        }
        if (hasCode) {
            for (Violation v : CreditCodes.check("party.creditCode", CreditCodes.normalize(p.creditCode()))) {
                if (v.isError()) {
                    out.add(new Refusal("party.creditCode", rule, "当事人统一社会信用代码无效：" + v.message(), v.message()));
                }
            }
        }
        if (hasId) {
            for (Violation v : IdNumbers.check("party.idNumber", p.idNumber().trim())) {
                if (v.isError()) {
                    out.add(new Refusal("party.idNumber", rule, "当事人身份证号码无效：" + v.message(), v.message()));
                }
            }
        }
    }

    /** R-TRANSFER-MATERIALS (and the request letter of an assistance request): every required material is there. */
    private static void materials(Letter letter, List<Refusal> out) {
        Set<Material> given = EnumSet.noneOf(Material.class);
        for (int i = 0; i < letter.materials().size(); i++) {
            Letter.Attached a = letter.materials().get(i);
            if (a == null || a.material() == null) {
                out.add(new Refusal("materials/" + i + "/material", ruleOf(letter.kind()), "附件须注明材料类型",
                        "materials/" + i + " needs its material: one of " + EnumSet.allOf(Material.class)));
                continue;
            }
            if (blank(a.content()) && blank(a.sha256())) {
                out.add(new Refusal("materials/" + i, ruleOf(letter.kind()), "附件 " + a.material().zh() + " 无内容",
                        "materials/" + i + " has neither content nor sha256"));
                continue;
            }
            given.add(a.material());
        }
        for (Material m : letter.required()) {
            if (!given.contains(m)) {
                out.add(new Refusal("materials", letter.kind().transfer() ? "R-TRANSFER-MATERIALS" : "R-ASSIST-REPLY",
                        "缺少材料：" + m.zh(), "the materials lack the " + m + " (" + m.zh() + ")"));
            }
        }
    }

    private static void transfer(Letter letter, Instant now, List<Refusal> out) {
        if (letter.discoveredAt() == null) {
            out.add(new Refusal("discoveredAt", "R-TRANSFER-DEADLINE", "缺少发现时间（移送时限由此起算）",
                    "discoveredAt is required: the transfer's deadline counts from it"));
        } else if (letter.discoveredAt().isAfter(now)) {
            out.add(new Refusal("discoveredAt", "R-TRANSFER-DEADLINE", "发现时间晚于当前时间",
                    "discoveredAt " + letter.discoveredAt() + " is in the future"));
        }
        Letter.Approval a = letter.approval();
        if (a == null || blank(a.approver()) || a.approvedAt() == null) {
            out.add(new Refusal("approval", "R-TRANSFER-MATERIALS", "移送须经本单位负责人批准（批准人职务和时间）",
                    "approval (approver post and approvedAt) is required: a transfer is approved by the sending"
                            + " unit's leadership"));
        } else if (a.approvedAt().isAfter(now)) {
            out.add(new Refusal("approval.approvedAt", "R-TRANSFER-MATERIALS", "批准时间晚于当前时间",
                    "approval.approvedAt " + a.approvedAt() + " is in the future"));
        }
    }

    /**
     * R-JOINT-SPECIAL: the action day is named, at least 5 days ahead (by 24:00 of the 5th day before it), unless the
     * letter is an emergency report (urgent, R-JOINT-EMERGENCY); the participants are registered units.
     */
    private void joint(Letter letter, Instant now, List<Refusal> out) {
        if (letter.actionDate() == null) {
            out.add(new Refusal("actionDate", "R-JOINT-SPECIAL", "须写明联合执法行动日期", "actionDate is required"));
        } else if (!now.isBefore(org.onex.hub.calendar.Periods.endOf(letter.actionDate().minusDays(5)))
                && !letter.urgent()) {
            out.add(new Refusal("actionDate", "R-JOINT-SPECIAL", "专项联合执法应至少提前 5 日（" + letter.actionDate()
                    .minusDays(5) + " 24 时前）向领导小组办公室申请；紧急情况请以紧急报告（urgent: true）即时报告",
                    "a joint action on " + letter.actionDate() + " is applied for by 24:00 of "
                            + letter.actionDate().minusDays(5) + " (5 days before); report an emergency instead"
                            + " (urgent: true, R-JOINT-EMERGENCY)"));
        }
        for (int i = 0; i < letter.participants().size(); i++) {
            String p = letter.participants().get(i);
            Optional<Department> d = p == null ? Optional.empty() : registry.find(p);
            if (d.isEmpty() || d.get().kind() != DepartmentKind.BUREAU && d.get().kind() != DepartmentKind.DEPARTMENT) {
                out.add(new Refusal("participants/" + i, "R-JOINT-SPECIAL", "参与单位 " + p + " 不是名录中的执法局或业务部门",
                        "participant '" + p + "' is not the bureau or a department in config/departments.yaml"));
            }
        }
    }

    /** The competent receiver: public security, the matter table, or the unit the sender names. */
    Receiver receiver(Letter letter, List<Refusal> out) {
        String sender = letter.sender().unit();
        String named = blank(letter.receiver()) ? null : letter.receiver().trim();
        Receiver r;
        if (letter.kind() == ExchangeKind.JOINT_APPLICATION) {
            Optional<Department> office = registry.all().stream().filter(d -> d.kind() == DepartmentKind.OFFICE)
                    .findFirst();
            if (office.isEmpty()) {
                out.add(new Refusal("receiver", "R-JOINT-SPECIAL", "单位名录中没有领导小组办公室（kind: OFFICE）",
                        "no OFFICE unit in config/departments.yaml to receive the application"));
                return null;
            }
            return new Receiver(office.get().code(), (letter.urgent() ? "紧急报告 / emergency report (R-JOINT-EMERGENCY)"
                    : "专项联合执法申请 / joint-enforcement application (R-JOINT-SPECIAL)"));
        } else if (letter.kind() == ExchangeKind.JUDICIAL_TRANSFER) {
            r = new Receiver(publicSecurity, "涉嫌犯罪移送公安机关 / suspected crime to public security (R-JUDICIAL)");
            if (named != null && !named.equals(publicSecurity)) {
                out.add(new Refusal("receiver", "R-JUDICIAL", "涉嫌犯罪案件移送公安机关（" + publicSecurity + "）",
                        "a judicial transfer goes to public security (" + publicSecurity + "), not to " + named));
            }
        } else if (letter.kind() == ExchangeKind.CASE_TRANSFER && matters.department(letter.matterCode()).isPresent()) {
            String bureau = registry.bureau().code();
            r = new Receiver(bureau, "事项 " + letter.matterCode() + " 已划转综合行政执法局 / matter in the bureau's"
                    + " scope (config/matters.yaml)");
            if (sender.equals(bureau)) {
                out.add(new Refusal("matterCode", "R-TRANSFER-MUTUAL", "事项 " + letter.matterCode()
                        + " 属综合行政执法局职权范围，无需移送", "matter " + letter.matterCode()
                                + " is in the bureau's own scope (config/matters.yaml): nothing to transfer"));
            } else if (named != null && !named.equals(bureau)) {
                out.add(new Refusal("receiver", "R-TRANSFER-MUTUAL", "事项 " + letter.matterCode()
                        + " 的主管单位是综合行政执法局，不是 " + named, "matter " + letter.matterCode()
                                + " belongs to the bureau (config/matters.yaml), not to " + named));
            }
        } else {
            if (named == null) {
                out.add(new Refusal("receiver", ruleOf(letter.kind()), "须指明接收单位（事项不在划转事项表中）",
                        "receiver is required: the matter is not in config/matters.yaml"));
                return null;
            }
            r = new Receiver(named, "发送单位指定 / named by the sender");
        }
        Optional<Department> unit = registry.find(r.unit());
        if (unit.isEmpty()) {
            out.add(new Refusal("receiver", ruleOf(letter.kind()), "接收单位 " + r.unit() + " 不在单位名录中",
                    "receiver '" + r.unit() + "' is not in config/departments.yaml"));
        } else if (unit.get().kind() != DepartmentKind.BUREAU && unit.get().kind() != DepartmentKind.DEPARTMENT) {
            out.add(new Refusal("receiver", ruleOf(letter.kind()), unit.get().nameZh() + " 不接收" + letter.kind().zh(),
                    r.unit() + " (" + unit.get().kind() + ") does not receive a " + letter.kind()));
        } else if (r.unit().equals(sender)) {
            out.add(new Refusal("receiver", ruleOf(letter.kind()), "接收单位不能是发送单位本身",
                    "the receiver is the sender itself (" + sender + ")"));
        } else if (letter.kind() == ExchangeKind.ASSISTANCE_REQUEST
                && unit.get().kind() != DepartmentKind.DEPARTMENT) {
            out.add(new Refusal("receiver", "R-ASSIST-REPLY", "协助函发给业务主管部门",
                    "an assistance request goes to a department, not to " + r.unit()));
        }
        return r;
    }

    static String ruleOf(ExchangeKind kind) {
        return switch (kind) {
        case CASE_TRANSFER -> "R-TRANSFER-MUTUAL";
        case JUDICIAL_TRANSFER -> "R-JUDICIAL";
        case ASSISTANCE_REQUEST -> "R-ASSIST-REPLY";
        case JOINT_APPLICATION -> "R-JOINT-SPECIAL";
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
