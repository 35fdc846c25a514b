package org.onex.hub.ops;

import org.springframework.boot.actuate.endpoint.jackson.EndpointObjectMapper;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The actuator's JSON: as Spring Boot's isolated endpoint mapper
 * ({@code management.endpoints.jackson.isolated-object-mapper=false} hands the job to this one), except that
 * {@code /actuator/health} does not list the names of its groups, so an anonymous caller gets exactly
 * {@code {"status":"UP"}} (or DOWN). The groups are {@code /actuator/health/liveness} and {@code /readiness}
 * (docs/operations.md).
 */
@Configuration
public class HealthJsonConfiguration {

    @Bean
    EndpointObjectMapper hubEndpointObjectMapper() {
        JsonMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addMixIn(SystemHealth.class, WithoutGroups.class).build();
        return () -> mapper;
    }

    @JsonIgnoreProperties("groups")
    private abstract static class WithoutGroups {
    }
}
