package org.onex.hub.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.onex.hub.exchange.Answer;
import org.onex.hub.exchange.Exchange;
import org.onex.hub.exchange.ExchangeKind;
import org.onex.hub.exchange.ExchangeStore;
import org.onex.hub.exchange.Exchanges;
import org.onex.hub.exchange.Letter;
import org.onex.hub.exchange.Material;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.IdNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded default's cooperation exchanges (issue 15 item 6), once, at the first start: a department transfers
 * a case to the bureau, which accepts it, and the bureau transfers one to a department; the bureau asks for an
 * appraisal and the department asks for more time; a joint application reaches the office and is approved; the
 * meteorological bureau, which has no system, gets a request as a 抄告 copy notice (PDF).
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoExchanges {

    private static final Logger LOG = LoggerFactory.getLogger(DemoExchanges.class);

    private final Exchanges exchanges;
    private final ExchangeStore store;
    private final Clock clock;
    private final Random random = new Random(15);

    public DemoExchanges(Exchanges exchanges, ExchangeStore store, Clock clock) {
        this.exchanges = exchanges;
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (!store.list(null, null, null, null, null, 1).isEmpty()) {
            return; // a later start: the exchanges of the first are still there
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("demo exchanges not created: {}", e.toString());
        }
    }

    /** Every kind end to end; returns the exchanges as they stand. */
    public List<Exchange> run() {
        Instant now = clock.instant();
        Client bureau = new Client("demo-bureau", Role.BUREAU, "zhzf");
        Letter.Sender bureauSender = new Letter.Sender("zhzf", "县综合行政执法局", SyntheticData.authorityCode(random));
        Letter.Approval approval = new Letter.Approval("分管副局长", now.minus(Duration.ofHours(2)));

        Exchange fromDepartment = exchanges.submit(new Client("demo-scjgj", Role.DEPARTMENT, "scjgj"), new Letter(
                ExchangeKind.CASE_TRANSFER, new Letter.Sender("scjgj", "县市场监管局", SyntheticData.authorityCode(random)),
                null, "330723-ZHZF-SCJG-001", "涉嫌销售过期食品", "日常检查发现某超市货架上有过期食品 12 件", false,
                now.minus(Duration.ofDays(1)), company(), approval, null, materials(ExchangeKind.CASE_TRANSFER)));
        exchanges.act(bureau, fromDepartment.id(), new Answer(Answer.Action.RECEIPT, null, null, null, null, null, null,
                null));
        exchanges.act(bureau, fromDepartment.id(), new Answer(Answer.Action.ACCEPT, "武综执立〔"
                + now.atZone(HubDates.ZONE).getYear() + "〕1号", null, null, null, null, null, null));

        Exchange toDepartment = exchanges.submit(bureau, new Letter(ExchangeKind.CASE_TRANSFER, bureauSender, "jtysj",
                null, "涉嫌未经许可从事道路货物运输", "巡查中发现某车辆无道路运输证从事货物运输", false,
                now.minus(Duration.ofHours(20)), company(), approval, null, materials(ExchangeKind.CASE_TRANSFER)));

        Exchange appraisal = exchanges.submit(bureau, new Letter(ExchangeKind.ASSISTANCE_REQUEST, bureauSender, "zrzyj",
                null, "请求对违法占地面积及地类进行鉴定", "某村民未经批准占用耕地建房，请鉴定占地面积和地类", false, null,
                person(), null, Letter.Purpose.APPRAISAL, materials(ExchangeKind.ASSISTANCE_REQUEST)));
        exchanges.act(new Client("demo-zrzyj", Role.DEPARTMENT, "zrzyj"), appraisal.id(), new Answer(Answer.Action.EXTEND,
                null, "需会同测绘单位现场勘测", null, LocalDate.now(clock.withZone(HubDates.ZONE)).plusDays(14), null, null,
                null));

        Exchange joint = exchanges.submit(bureau, new Letter(ExchangeKind.JOINT_APPLICATION, bureauSender, null, null,
                "河道非法采砂联合整治", "联合水务、自然资源部门对熟溪河道采砂开展联合执法", false, null, null, null, null,
                materials(ExchangeKind.JOINT_APPLICATION), LocalDate.now(clock.withZone(HubDates.ZONE)).plusDays(10),
                List.of("swj", "zrzyj")));
        exchanges.act(new Client("demo-office", Role.OFFICE, null), joint.id(), new Answer(Answer.Action.APPROVE, null,
                null, null, null, null, null, null));

        Exchange notice = exchanges.submit(bureau, new Letter(ExchangeKind.ASSISTANCE_REQUEST, bureauSender, "qxj", null,
                "请求出具雷电灾害调查意见", "某仓库起火，请就是否系雷击引起出具意见", false, null, company(), null,
                Letter.Purpose.OPINION, materials(ExchangeKind.ASSISTANCE_REQUEST)));
        LOG.info("demo exchanges: {} accepted, {} in jtysj's inbox, {} extension asked, {} approved, {} as a copy"
                + " notice to qxj", fromDepartment.number(), toDepartment.number(), appraisal.number(), joint.number(),
                notice.number());
        return List.of(fromDepartment, toDepartment, appraisal, joint, notice);
    }

    private Letter.Party company() {
        return new Letter.Party(SyntheticData.companyName(random), SyntheticData.creditCode(random), null);
    }

    private Letter.Party person() {
        String first17 = "330723" + (1960 + random.nextInt(40)) + "0" + (1 + random.nextInt(9)) + "1"
                + random.nextInt(10) + String.format("%03d", random.nextInt(1000));
        return new Letter.Party(SyntheticData.personName(random), null, first17 + IdNumbers.checkCharacter(first17));
    }

    private static List<Letter.Attached> materials(ExchangeKind kind) {
        return kind.required().stream().map(m -> new Letter.Attached(m, m.zh() + ".pdf", pdf(m), null)).toList();
    }

    /** A one-page PDF naming the material (the demo's stand-in for the scanned document). */
    static String pdf(Material m) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                s.newLineAtOffset(72, 720);
                s.showText("Demo material: " + m.name());
                s.endText();
            }
            doc.save(out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot draw the demo PDF", e);
        }
    }
}
