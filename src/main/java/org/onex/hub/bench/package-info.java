/**
 * The {@code benchmark} command (issue: Foundation, item 13): seeds a throw-away PostgreSQL department
 * database, loads it once with a hand-written JDBC loop and once with the hub's own pipeline, measures a
 * steady trickle's commit-to-feed delay and prints the figures. It is a command, not a test: nothing
 * here runs in the build, and it only touches the two databases it creates and drops.
 */
package org.onex.hub.bench;
