package org.onex.hub.feed;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.onex.hub.schema.Category;
import org.springframework.stereotype.Component;

/**
 * Publish after commit (DESIGN.md): {@code feed-sequencer} gives committed versions their place in the
 * feed; {@code feed-publisher} sends them to {@code hub.feed.<category>} and only then moves its
 * published mark. A crash in between re-sends; the broker drops the repeat by its duplicate id.
 */
@Component
public class FeedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:feed-sequencer?period={{hub.feed.sequence-period:200}}").routeId("feed-sequencer")
                .bean(FeedPublisher.class, "sequence");

        ChoiceDefinition byCategory = from("timer:feed-publisher?period={{hub.feed.publish-period:200}}")
                .routeId("feed-publisher")
                .bean(FeedPublisher.class, "next")
                .filter(simple("${body.size} > 0"))
                    .split(body()).stopOnException()
                        .bean(FeedPublisher.class, "toMessage")
                        .choice();
        // One static endpoint per category: never an endpoint URI built from message content (STYLE.md 7).
        for (Category c : Category.values()) {
            byCategory.when(header(FeedHeaders.CATEGORY).isEqualTo(c.name()))
                    .to("jms:topic:" + FeedHeaders.TOPIC_PREFIX + c.name()).id("publish-" + c.name());
        }
        byCategory.end().end()
                .bean(FeedPublisher.class, "confirm")
                .end();
    }
}
