package org.onex.hub.api;

import org.onex.hub.policy.Client;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.schema.HubJson;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

/**
 * The last step of every API answer: the body (a typed answer, or a CSV text) with every ID and mobile number masked
 * by value for the calling client ({@link SharingEnforcer#maskValues}), whatever field it is in — an obligation's
 * source key, an alert text, a file name, an audit detail, a scorecards cell. Every answer of the API's
 * controllers passes here, so a new endpoint cannot leak one; only {@link ApiAnswer.Viewed} answers (record and
 * quarantine views, which the enforcer builds per item) are left to their own masking.
 * <p>
 * JSON is written in the hub's canonical form ({@link HubJson}), compact, or indented for a person reading it when
 * the request has {@code ?pretty} (any endpoint accepts it).
 */
@RestControllerAdvice(basePackageClasses = ApiAnswers.class)
public class ApiAnswers implements ResponseBodyAdvice<Object> {

    /** The query parameter asking for indented JSON. */
    static final String PRETTY = "pretty";

    private final SharingEnforcer enforcer;

    public ApiAnswers(SharingEnforcer enforcer) {
        this.enforcer = enforcer;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType)
                || StringHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null) {
            return null;
        }
        Client client = Callers.optional().orElse(null); // none: masked, the safe side
        boolean mask = !(body instanceof ApiAnswer.Viewed) && !enforcer.seesPersonalData(client);
        if (body instanceof String text) { // CSV
            return mask ? enforcer.maskValues(client, text) : text;
        }
        if (!mask) {
            // written once, straight into the response: a feed page's items may be stored text (RecordViews.page)
            return pretty(request) ? new JsonText(indented(HubJson.write(body))) : new Canonical(body);
        }
        JsonNode tree = enforcer.maskValues(client, HubJson.mapper().valueToTree(body));
        return new JsonText(pretty(request) ? tree.toPrettyString() : tree.toString());
    }

    private static String indented(String json) {
        try {
            return HubJson.mapper().readTree(json).toPrettyString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the hub wrote an answer it cannot read back", e);
        }
    }

    private static boolean pretty(ServerHttpRequest request) {
        var parameters = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
        String value = parameters.getFirst(PRETTY); // null for a bare ?pretty
        return parameters.containsKey(PRETTY) && (value == null || value.isEmpty() || Boolean.parseBoolean(value));
    }

    /**
     * An answer the converter writes in the hub's canonical form ({@link HubJson}) straight into the response:
     * no tree and no text in between.
     */
    record Canonical(Object body) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider serializers) throws java.io.IOException {
            // the one generator feature of HubJson's factory, which a generator made elsewhere does not have
            generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            HubJson.mapper().writeValue(generator, body);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer type)
                throws java.io.IOException {
            serialize(generator, serializers);
        }
    }

    /** JSON already written: the message converter copies it as it is. */
    record JsonText(String json) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider serializers) throws java.io.IOException {
            generator.writeRawValue(json);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer type)
                throws java.io.IOException {
            serialize(generator, serializers);
        }
    }
}
