package org.onex.hub.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.DefaultRouteTemplateContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An SFTP server declared once under hub.sftp-servers and named by routes (issue 14 item 2). */
class SftpOptionsTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    SftpOptionsTest() {
        Properties settings = new Properties();
        settings.put("hub.sftp-servers.sthjj.host", "10.20.0.7");
        settings.put("hub.sftp-servers.sthjj.port", "2222");
        settings.put("hub.sftp-servers.sthjj.username", "hub-sthjj");
        settings.put("hub.sftp-servers.sthjj.password", "s3cret;&x");
        settings.put("hub.sftp.strict-host-key-checking", "no");
        camel.getPropertiesComponent().setInitialProperties(settings);
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    private DefaultRouteTemplateContext route(String... nameValues) {
        DefaultRouteTemplateContext rtc = new DefaultRouteTemplateContext(camel);
        for (int i = 0; i < nameValues.length; i += 2) {
            rtc.setParameter(nameValues[i], nameValues[i + 1]);
        }
        return rtc;
    }

    @Test
    void aNamedServerGivesHostPortAndLogin() {
        var rtc = route("server", "sthjj", "directory", "licences/gbk");

        assertThat(SftpOptions.server(rtc)).isEqualTo("10.20.0.7:2222/licences/gbk");
        assertThat(SftpOptions.login(rtc, "sthjj/licences")).contains("username=RAW(hub-sthjj)",
                "password=RAW(s3cret;&x)", "strictHostKeyChecking=no");
    }

    @Test
    void aParameterBesideTheServerOverridesThatOneSetting() {
        var rtc = route("server", "sthjj", "port", "22", "username", "hub-decisions", "directory", "/decisions");

        assertThat(SftpOptions.server(rtc)).isEqualTo("10.20.0.7:22//decisions");
        assertThat(SftpOptions.login(rtc, "sthjj/deliveries")).contains("username=RAW(hub-decisions)",
                "password=RAW(s3cret;&x)");
    }

    @Test
    void withoutAServerTheRouteGivesHostAndLoginAndThePortDefaultsTo22() {
        var rtc = route("host", "sftp.dept.example", "username", "hub", "password", "pw", "directory", ".");

        assertThat(SftpOptions.server(rtc)).isEqualTo("sftp.dept.example:22/.");
    }

    @Test
    void anUndeclaredServerIsNamedWithWhereToDeclareIt() {
        var rtc = route("server", "sthjj-old", "directory", ".");

        assertThatThrownBy(() -> SftpOptions.server(rtc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SFTP server 'sthjj-old' is not defined: set hub.sftp-servers.sthjj-old.host");
    }

    @Test
    void aLoginWithoutPasswordOrKeyIsRefusedNamingTheRoute() {
        var rtc = route("host", "sftp.dept.example", "username", "hub", "directory", ".");

        assertThatThrownBy(() -> SftpOptions.login(rtc, "sthjj/licences"))
                .hasMessage("sthjj/licences: give password or privateKeyFile (or a server with one) for the SFTP"
                        + " login");
    }
}
