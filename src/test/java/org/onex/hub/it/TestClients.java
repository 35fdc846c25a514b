package org.onex.hub.it;

import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.policy.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/** API clients for the tests (issue 6: every API call needs a key). */
final class TestClients {

    private TestClients() {
    }

    /** A fresh key of client {@code id} (added with this role and department the first time). */
    static String key(ApplicationContext hub, String id, Role role, String department) {
        ApiClients clients = hub.getBean(ApiClients.class);
        if (clients.find(id).isEmpty()) {
            clients.add(id, role, department, "test client " + id, AuditLog.HUB);
        }
        return clients.issue(id, AuditLog.HUB).key();
    }

    /** An operator's key: the role the operations tests act in. */
    static String operator(ApplicationContext hub) {
        return key(hub, "test-operator", Role.OPERATOR, null);
    }

    /** Sends every request of this template with the key, unless the request sets its own Authorization. */
    static void authorize(TestRestTemplate rest, String key) {
        rest.getRestTemplate().getInterceptors().removeIf(i -> i instanceof KeyInterceptor);
        rest.getRestTemplate().getInterceptors().add(new KeyInterceptor(key));
    }

    private record KeyInterceptor(String key) implements org.springframework.http.client.ClientHttpRequestInterceptor {
        @Override
        public org.springframework.http.client.ClientHttpResponse intercept(org.springframework.http.HttpRequest request,
                byte[] body, org.springframework.http.client.ClientHttpRequestExecution execution)
                throws java.io.IOException {
            if (!request.getHeaders().containsKey("Authorization")) {
                request.getHeaders().setBearerAuth(key);
            }
            return execution.execute(request, body);
        }
    }
}
