package org.onex.hub.ops;

import java.util.List;
import java.util.Optional;

import org.onex.hub.connect.TemplateContract;
import org.onex.hub.delivery.DeliveryTemplates;
import org.onex.hub.ingest.file.SftpSourceTemplate;
import org.onex.hub.ingest.http.HttpSourceTemplate;
import org.onex.hub.ingest.jdbc.JdbcSourceTemplate;

/**
 * The hub's route templates, by their one parameter declaration ({@link TemplateContract}): what {@code validate}
 * checks route files against and what docs/route-templates.md is generated from.
 */
final class TemplateContracts {

    /** The hub templates, in the order they are listed in messages and documented. */
    static final List<TemplateContract> ALL = List.of(JdbcSourceTemplate.CONTRACT, SftpSourceTemplate.CONTRACT,
            HttpSourceTemplate.CONTRACT, DeliveryTemplates.JDBC_CONTRACT, DeliveryTemplates.SFTP_CONTRACT,
            DeliveryTemplates.REST_CONTRACT, DeliveryTemplates.NOTICE_CONTRACT);

    private TemplateContracts() {
    }

    static Optional<TemplateContract> find(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    static List<String> ids() {
        return ALL.stream().map(TemplateContract::id).toList();
    }

    /** docs/route-templates.md: every template's parameter table. */
    static String markdown() {
        StringBuilder md = new StringBuilder("""
                # Route templates

                <!-- Generated from the templates' parameter contracts (TemplateContract); do not edit by hand.
                     RouteTemplatesDocTest fails when this file is out of date and writes the current text to
                     target/route-templates.md. -->

                A route file (`routes/<dept>.camel.yaml`) instantiates these templates with parameters only.
                `validate` checks every entry against the same declarations: unknown and missing parameters, values
                of the wrong type (whole numbers, durations such as `500ms`, `10s`, `5m`, http(s) URLs), and
                secrets written into the file instead of `{{env:NAME}}` or a setting. "One of" marks parameters of
                which a route must give at least one.

                """);
        ALL.forEach(c -> md.append(c.markdown()).append('\n'));
        return md.toString().stripTrailing() + "\n";
    }
}
