/**
 * The {@code faults} command: the hub in a child JVM killed with SIGKILL at random moments
 * while departments push, export tables and files and receive the bureau's decisions, on the embedded H2 store
 * and on PostgreSQL; outages of a department database, an SFTP server, a receiving inbox and the broker, each
 * restored; a soak mode sampling heap and store size. It prints what was acknowledged, found, lost, duplicated,
 * the feed gaps and the stuck deliveries, and fails on any. Like {@code benchmark} it is a command, not a test;
 * it only touches the temporary folders and the databases it creates (suffixed by {@code HUB_TEST_DB_SUFFIX}).
 */
package org.onex.hub.faults;
