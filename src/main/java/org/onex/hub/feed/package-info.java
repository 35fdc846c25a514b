/**
 * The unified feed to the bureau: committed record versions are sequenced in commit order and
 * published once to Artemis topics {@code hub.feed.<category>} (R-CATEGORIES), with category, record
 * type and department as message properties for selectors and the version id as duplicate-detection id.
 */
package org.onex.hub.feed;
