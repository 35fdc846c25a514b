package org.onex.hub.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.RouteTemplateContext;
import org.apache.camel.util.TimeUtils;
import org.onex.hub.connect.TemplateContract.Type;

/**
 * SFTP endpoint options built from route template parameters, shared by the file-drop source and the SFTP delivery
 * channel. A route names a server declared once in the settings ({@code server: sthjj} for
 * {@code hub.sftp-servers.sthjj.host/port/username/password/private-key-file/private-key-passphrase}) or gives host
 * and login itself; a parameter given beside {@code server} overrides that one setting. Secrets go inside
 * {@code RAW()}; host keys are checked against {@code hub.sftp.known-hosts-file} unless
 * {@code hub.sftp.strict-host-key-checking} is {@code no}.
 */
public final class SftpOptions {

    /** Where named SFTP servers are declared. */
    public static final String SERVERS = "hub.sftp-servers";

    private SftpOptions() {
    }

    /** The server and login parameters of every SFTP template, with the rules on which a route must give. */
    public static TemplateContract.Builder serverParameters(TemplateContract.Builder contract) {
        return contract
                .optional("server", Type.TEXT, "Name of an SFTP server under " + SERVERS + ": host, port and login"
                        + " come from there, unless given here")
                .optional("host", Type.TEXT, "SFTP server host name or address (instead of server)")
                .optional("port", Type.INTEGER, "SFTP server port (default: the server's, else 22)")
                .optional("username", Type.TEXT, "SFTP user name (instead of server)")
                .secret("password", "Password, as {{env:NAME}} (or from server)")
                .optional("privateKeyFile", Type.TEXT, "Private key file for public-key login, instead of a password")
                .secret("privateKeyPassphrase", "Passphrase of the private key, as {{env:NAME}}")
                .oneOf("server", "host").oneOf("server", "username").oneOf("server", "password", "privateKeyFile");
    }

    /** The host: the parameter, else the named server's. */
    public static String host(RouteTemplateContext rtc) {
        String host = setting(rtc, "host", "host");
        if (isBlank(host)) {
            String server = TemplateParameters.text(rtc, "server");
            throw new IllegalArgumentException(isBlank(server) ? "give server or host for the SFTP connection"
                    : "SFTP server '" + server + "' is not defined: set " + SERVERS + "." + server + ".host");
        }
        return host;
    }

    /** The port: the parameter, else the named server's, else 22. */
    public static String port(RouteTemplateContext rtc) {
        String port = setting(rtc, "port", "port");
        return isBlank(port) ? "22" : port.trim();
    }

    /** {@code host:port/directory} of the endpoint URI, from the server and the parameter directory. */
    public static String server(RouteTemplateContext rtc) {
        String directory = TemplateParameters.text(rtc, "directory");
        return host(rtc) + ":" + port(rtc) + "/"
                + (directory.startsWith("/") ? "/" + directory.substring(1) : directory);
    }

    /** A parameter given on the route, else the setting {@code key} of the server it names; null if neither. */
    private static String setting(RouteTemplateContext rtc, String parameter, String key) {
        String value = TemplateParameters.text(rtc, parameter);
        if (!isBlank(value)) {
            return value;
        }
        String server = TemplateParameters.text(rtc, "server");
        if (isBlank(server)) {
            return null;
        }
        return rtc.getCamelContext().getPropertiesComponent().resolveProperty(SERVERS + "." + server.trim() + "."
                + key).orElse(null);
    }

    /**
     * Login and host-key options from the parameters username, password or privateKeyFile (+ passphrase)
     * and the hub's host-key settings; {@code label} names the route in error messages.
     */
    public static List<String> login(RouteTemplateContext rtc, String label) {
        List<String> common = new ArrayList<>();
        String username = setting(rtc, "username", "username");
        if (isBlank(username)) {
            throw new IllegalArgumentException(label + ": give username (or server) for the SFTP login");
        }
        common.add("username=RAW(" + username + ")");
        String password = setting(rtc, "password", "password");
        String key = setting(rtc, "privateKeyFile", "private-key-file");
        if (isBlank(password) && isBlank(key)) {
            throw new IllegalArgumentException(label
                    + ": give password or privateKeyFile (or a server with one) for the SFTP login");
        }
        if (!isBlank(password)) {
            common.add("password=RAW(" + password + ")");
        }
        if (!isBlank(key)) {
            common.add("privateKeyFile=" + key);
            String passphrase = setting(rtc, "privateKeyPassphrase", "private-key-passphrase");
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
