/**
 * Demo departments of the embedded default ({@code hub.demo.enabled=true}): embedded department
 * databases seeded with synthetic but realistic rows (valid credit codes, Chinese names, a few
 * deliberately broken rows) and a generator that keeps inserting and updating rows so the feed and
 * the quarantine grow live. No real person or company appears in it.
 */
package org.onex.hub.demo;
