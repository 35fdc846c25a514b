package org.onex.hub.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.util.TimeUtils;

/**
 * The one declaration of a route template's parameters (kamelet-style): name, type, default, whether a route must
 * give it, whether it is a secret, and what it means. The template declares its Camel parameters from it
 * ({@link #declare}), {@code validate} checks route files against it, and docs/route-templates.md is generated from
 * it ({@link #markdown}), so the three cannot drift apart.
 *
 * @param id          the template id a route file names in {@code routeTemplateRef}
 * @param description one line on what the template does
 * @param source      whether it reads a department feed (so needs {@code mappings/<department>/<feed>.yaml})
 * @param parameters  in the order they are documented
 * @param oneOf       groups of parameters of which a route must give at least one ({@code table} or {@code query})
 */
public record TemplateContract(String id, String description, boolean source, List<Parameter> parameters,
        List<List<String>> oneOf) {

    /** What a parameter's value must be, checked by {@code validate} once placeholders are resolved. */
    public enum Type {
        TEXT("text", ""), INTEGER("whole number", ""), DURATION("duration", " (e.g. 500ms, 10s, 5m)"),
        URL("http(s) URL", "");

        private final String label;
        private final String example;

        Type(String label, String example) {
            this.label = label;
            this.example = example;
        }

        public String label() {
            return label;
        }

        /** Why {@code value} is not of this type, or empty when it is. */
        public Optional<String> problem(String value) {
            String v = value.trim();
            try {
                switch (this) {
                case INTEGER -> Integer.parseInt(v);
                case DURATION -> {
                    Duration d = TimeUtils.toDuration(v);
                    if (d.isNegative()) {
                        return Optional.of("'" + value + "' is negative");
                    }
                }
                case URL -> {
                    if (!(v.startsWith("http://") || v.startsWith("https://"))) {
                        return Optional.of("'" + value + "' is not an http(s) URL");
                    }
                }
                case TEXT -> {
                }
                }
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of("'" + value + "' is not a " + label + example);
            }
        }
    }

    /**
     * One parameter.
     *
     * @param defaultValue the value when a route leaves it out; null when it has none
     * @param required     a route must give it (a parameter with a default never is)
     * @param secret       a credential: a route file gives it as {@code {{env:NAME}}} or a setting, never as text
     */
    public record Parameter(String name, Type type, String defaultValue, boolean required, boolean secret,
            String description) {
    }

    public TemplateContract {
        parameters = List.copyOf(parameters);
        oneOf = List.copyOf(oneOf);
    }

    /** Starts a contract; parameters are added in documentation order. */
    public static Builder of(String id, String description, boolean source) {
        return new Builder(id, description, source);
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** Declares every parameter on the Camel template: required ones without default, optional ones as optional. */
    public RouteTemplateDefinition declare(RouteTemplateDefinition template) {
        template.description(description);
        for (Parameter p : parameters) {
            if (p.defaultValue() != null) {
                template.templateParameter(p.name(), p.defaultValue(), p.description());
            } else if (p.required()) {
                template.templateParameter(p.name(), null, p.description());
            } else {
                template.templateOptionalParameter(p.name(), p.description());
            }
        }
        return template;
    }

    /** The template's parameter table, as in docs/route-templates.md. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## `").append(id).append("`\n\n").append(description).append(".\n\n");
        md.append("| Parameter | Type | Default | Required | Description |\n");
        md.append("|---|---|---|---|---|\n");
        for (Parameter p : parameters) {
            String required = p.required() ? "yes" : oneOf.stream().filter(g -> g.contains(p.name())).findFirst()
                    .map(g -> "one of " + String.join(", ", g.stream().map(n -> "`" + n + "`").toList())).orElse("");
            md.append("| `").append(p.name()).append("` | ").append(p.type().label())
                    .append(p.secret() ? ", secret" : "").append(" | ")
                    .append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`").append(" | ")
                    .append(required).append(" | ").append(p.description().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    /** Collects a contract's parameters. */
    public static final class Builder {

        private final String id;
        private final String description;
        private final boolean source;
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<List<String>> oneOf = new ArrayList<>();

        private Builder(String id, String description, boolean source) {
            this.id = id;
            this.description = description;
            this.source = source;
        }

        /** A parameter every route must give. */
        public Builder required(String name, Type type, String description) {
            return add(new Parameter(name, type, null, true, false, description));
        }

        /** A parameter with a default. */
        public Builder optional(String name, Type type, String defaultValue, String description) {
            return add(new Parameter(name, type, defaultValue, false, false, description));
        }

        /** A parameter with no default that a route may leave out. */
        public Builder optional(String name, Type type, String description) {
            return add(new Parameter(name, type, null, false, false, description));
        }

        /** A credential a route may give, always from the environment or a setting. */
        public Builder secret(String name, String description) {
            return add(new Parameter(name, Type.TEXT, null, false, true, description));
        }

        /** Adds every parameter of another contract (the parts templates share, e.g. an SFTP login). */
        public Builder include(List<Parameter> shared) {
            shared.forEach(this::add);
            return this;
        }

        /** A route must give at least one of these. */
        public Builder oneOf(String... names) {
            oneOf.add(Arrays.asList(names));
            return this;
        }

        public TemplateContract build() {
            return new TemplateContract(id, description, source, parameters, oneOf);
        }

        private Builder add(Parameter p) {
            if (parameters.stream().anyMatch(q -> q.name().equals(p.name()))) {
                throw new IllegalArgumentException(id + ": parameter " + p.name() + " declared twice");
            }
            parameters.add(p);
            return this;
        }
    }
}
