/** Operations: the hub's error policy, start-up wiring of files and command-line tools. */
package org.onex.hub.ops;
