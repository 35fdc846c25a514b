package org.onex.hub.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.onex.hub.config.ConfigException.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * Validates a {@link YamlDocument} against a JSON Schema (draft 2020-12) and reports every
 * violation as a {@link Problem} with the line and key of the offending node and a reason in
 * plain words (see {@link SchemaMessages}). Immutable and thread-safe; build one per schema and
 * keep it.
 */
public final class SchemaCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();

    private final String name;
    private final JsonSchema schema;
    private final JsonNode schemaTree;

    private SchemaCheck(String name, SchemaLocation location, JsonNode schemaTree) {
        this.name = name;
        this.schemaTree = schemaTree;
        this.schema = FACTORY.getSchema(location, schemaTree, CONFIG);
    }

    /**
     * A check against a schema on the classpath, e.g. {@code schema/config/departments.schema.json}.
     *
     * @throws IllegalStateException if the resource is missing or not JSON (a build error, not a
     *                               configuration error)
     */
    public static SchemaCheck ofResource(String resource) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource not found on the classpath: " + resource);
            }
            return new SchemaCheck(resource, SchemaLocation.of("classpath:" + resource), MAPPER.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema resource " + resource, e);
        }
    }

    /** A check against a schema file on disk (tools and tests). */
    public static SchemaCheck ofFile(Path schemaFile) {
        try {
            return new SchemaCheck(schemaFile.toString(), SchemaLocation.of(schemaFile.toUri().toString()),
                    MAPPER.readTree(schemaFile.toFile()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema file " + schemaFile, e);
        }
    }

    /** Every violation of the schema in {@code doc}, sorted by line then key; empty if it conforms. */
    public List<Problem> problems(YamlDocument doc) {
        return schema.validate(doc.root()).stream()
                .map(m -> SchemaMessages.problem(doc, m, schemaTree))
                .distinct()
                .sorted(Comparator.comparingInt(Problem::line).thenComparing(Problem::key))
                .toList();
    }

    /**
     * Fails with all violations at once.
     *
     * @throws ConfigException listing every problem, one per line
     */
    public void check(YamlDocument doc) {
        List<Problem> problems = problems(doc);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    @Override
    public String toString() {
        return "SchemaCheck[" + name + "]";
    }
}
