/**
 * The standalone broker ({@code java -jar onex-hub.jar broker}, issue 16 item 4): Spring Boot's Artemis server in a
 * context of its own ({@link org.onex.hub.broker.BrokerContext}) with the hub's broker security, topics and read
 * audit from {@code auth} and {@code feed}, against the hub store, and optionally one half of a shared-store HA pair
 * ({@link org.onex.hub.broker.BrokerPair}). A ceiling: it uses {@code auth}, {@code feed}, {@code audit},
 * {@code policy}, {@code registry} and {@code cli}; nothing uses it (the command is found through
 * {@code META-INF/services}).
 */
package org.onex.hub.broker;
