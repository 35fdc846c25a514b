/**
 * The {@code benchmark} command. Scenario jdbc (Foundation item 13): seeds a throw-away PostgreSQL
 * department database, loads it once with a hand-written JDBC loop and once with the hub's own pipeline and
 * measures a steady trickle's commit-to-feed delay. Scenarios sftp and push: a large CSV
 * file over an in-process SFTP server, with the heap it needed, and REST pushes in batches over real HTTP.
 * Scenarios departments and readers (issue 18): every providing unit's table polled at once against one table of
 * the same rows, and the ingest rate with API clients paging the feed against without them.
 * Scenario cluster (issue 16): Hazelcast members with the hub's route ownership in this JVM, polling simulated
 * sources: their spread, one poller per source, poll lateness and the take-over when a member is killed.
 * It is a command, not a test: nothing here runs in the build, and it only touches the databases and
 * temporary folders it creates and removes.
 */
package org.onex.hub.bench;
