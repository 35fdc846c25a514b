/**
 * The unified feed: committed record versions are sequenced in commit order and published once to the
 * internal Artemis topics {@code hub.feed.<category>} (R-CATEGORIES) and, masked by the sharing policy, to the
 * consumer topics {@code hub.feed.<role>.<category>} and {@code hub.feed.<role>.<unit>.<category>}
 * ({@link org.onex.hub.feed.FeedTopics}), with category, record type and department as message properties for
 * selectors and the version id as duplicate-detection id. Also the embedded broker's network acceptor and its
 * security settings ({@link org.onex.hub.feed.ArtemisSecurity}; users and roles in
 * {@code org.onex.hub.auth.BrokerSecurityManager}).
 */
package org.onex.hub.feed;
