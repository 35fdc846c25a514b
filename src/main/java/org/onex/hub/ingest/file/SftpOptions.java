package org.onex.hub.ingest.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.RouteTemplateContext;
import org.apache.camel.util.TimeUtils;
import org.onex.hub.ingest.TemplateParameters;

/**
 * SFTP endpoint options built from route template parameters, shared by the file-drop source and the
 * SFTP delivery channel: secrets inside {@code RAW()}, host keys checked against
 * {@code hub.sftp.known-hosts-file} unless {@code hub.sftp.strict-host-key-checking} is {@code no}.
 */
public final class SftpOptions {

    private SftpOptions() {
    }

    /** {@code host:port/directory} of the endpoint URI, from the parameters host, port and directory. */
    public static String server(RouteTemplateContext rtc) {
        String directory = TemplateParameters.text(rtc, "directory");
        return TemplateParameters.text(rtc, "host") + ":" + TemplateParameters.text(rtc, "port") + "/"
                + (directory.startsWith("/") ? "/" + directory.substring(1) : directory);
    }

    /**
     * Login and host-key options from the parameters username, password or privateKeyFile (+ passphrase)
     * and the hub's host-key settings; {@code label} names the route in error messages.
     */
    public static List<String> login(RouteTemplateContext rtc, String label) {
        List<String> common = new ArrayList<>();
        common.add("username=RAW(" + TemplateParameters.text(rtc, "username") + ")");
        String password = TemplateParameters.text(rtc, "password");
        String key = TemplateParameters.text(rtc, "privateKeyFile");
        if (isBlank(password) && isBlank(key)) {
            throw new IllegalArgumentException(label
                    + ": give password or privateKeyFile for the SFTP login");
        }
        if (!isBlank(password)) {
            common.add("password=RAW(" + password + ")");
        }
        if (!isBlank(key)) {
            common.add("privateKeyFile=" + key);
            String passphrase = TemplateParameters.text(rtc, "privateKeyPassphrase");
            if (!isBlank(passphrase)) {
                common.add("privateKeyPassphrase=RAW(" + passphrase + ")");
            }
        }
        var properties = rtc.getCamelContext().getPropertiesComponent();
        String strict = properties.resolveProperty("hub.sftp.strict-host-key-checking").orElse("yes").trim()
                .toLowerCase(Locale.ROOT);
        boolean checked = !("no".equals(strict) || "false".equals(strict));
        common.add("strictHostKeyChecking=" + (checked ? "yes" : "no"));
        common.add("useUserKnownHostsFile=false");
        if (checked) {
            String knownHosts = properties.resolveProperty("hub.sftp.known-hosts-file").orElse("");
            if (knownHosts.isBlank()) {
                throw new IllegalArgumentException(label
                        + ": hub.sftp.known-hosts-file is required when host keys are checked");
            }
            common.add("knownHostsFile=" + knownHosts);
        } else {
            // JSch would otherwise try to write the host key to ~/.ssh/known_hosts and warn at every login.
            common.add("knownHosts=RAW()");
        }
        common.add("binary=true");
        common.add("connectTimeout=10000");
        // Read timeout of the SSH session: after this much silence JSch sends a keep-alive and drops the session
        // when that goes unanswered too. Camel's default (5 min) left a consumer waiting on a connection that had
        // died with its server for over 3 minutes in the fault suite's SFTP outage; a live server answers the
        // keep-alive, so a slow transfer is not cut.
        common.add("soTimeout=" + TimeUtils.toDuration(properties.resolveProperty("hub.sftp.so-timeout").orElse("15s")
                .trim()).toMillis());
        common.add("jschLoggingLevel=OFF");
        return common;
    }


    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
