package org.onex.hub.faults;

/**
 * The route file of a run, written into the hub's routes folder: the department edges of the scenarios as a
 * department would declare them (templates and parameters only). Short poll intervals, so that a few seconds
 * between kills are enough for every route to be caught in the middle of its work.
 */
final class FaultRoutes {

    static final String SOURCE = "faults-src";
    static final String SFTP_USER = "sthjj";

    private FaultRoutes() {
    }

    static String file(FaultOptions options, int sftpPort, String inboxUrl) {
        StringBuilder y = new StringBuilder("# Written by the faults command for one run.\n");
        if (options.runs("jdbc")) {
            y.append(jdbc("scjgj-licences", "scjgj", "licences", "xk_licence"));
        }
        if (options.runs("delivery")) {
            y.append(jdbc("zhzf-penalties", "zhzf", "penalties", "cf_penalty"));
            y.append("- templatedRoute:\n    routeTemplateRef: delivery-rest\n    routeId: jtysj-deliveries\n"
                    + "    parameters:\n"
                    + "      - { name: department, value: jtysj }\n"
                    + "      - { name: url, value: \"" + inboxUrl + "\" }\n"
                    + "      - { name: retryDelay, value: 500ms }\n"
                    + "      - { name: maxRetryDelay, value: 2s }\n");
        }
        if (options.runs("sftp")) {
            y.append("- templatedRoute:\n    routeTemplateRef: sftp-source\n    routeId: sthjj-licences\n"
                    + "    parameters:\n"
                    + "      - { name: department, value: sthjj }\n"
                    + "      - { name: feed, value: licences }\n"
                    + "      - { name: host, value: 127.0.0.1 }\n"
                    + "      - { name: port, value: \"" + sftpPort + "\" }\n"
                    + "      - { name: username, value: " + SFTP_USER + " }\n"
                    + "      - { name: password, value: \"{{faults.sftp.password}}\" }\n"
                    + "      - { name: directory, value: licences }\n"
                    + "      - { name: filePattern, value: \"*.csv\" }\n"
                    + "      - { name: format, value: csv }\n"
                    + "      - { name: encoding, value: UTF-8 }\n"
                    + "      - { name: readLock, value: stable-size }\n"
                    + "      - { name: stableFor, value: 1s }\n"
                    + "      - { name: pollInterval, value: 500ms }\n"
                    + "      - { name: initialDelay, value: \"0\" }\n");
        }
        return y.toString();
    }

    private static String jdbc(String routeId, String department, String feed, String table) {
        return "- templatedRoute:\n    routeTemplateRef: jdbc-source\n    routeId: " + routeId + "\n"
                + "    parameters:\n"
                + "      - { name: department, value: " + department + " }\n"
                + "      - { name: feed, value: " + feed + " }\n"
                + "      - { name: dataSource, value: " + SOURCE + " }\n"
                + "      - { name: table, value: " + table + " }\n"
                + "      - { name: cursorTime, value: UPDATED_AT }\n"
                + "      - { name: cursorKey, value: ID }\n"
                + "      - { name: pollInterval, value: 500ms }\n"
                + "      - { name: initialDelay, value: \"0\" }\n"
                + "      - { name: commitDelay, value: 1s }\n"
                + "      - { name: lookback, value: 30s }\n";
    }
}
