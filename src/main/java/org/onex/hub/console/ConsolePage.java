package org.onex.hub.console;

/**
 * A page of the console's navigation. Each page controller is one; a new page slots in by being a
 * controller that implements this, and the navigation lists it in {@link #order()}.
 */
public interface ConsolePage {

    /** The page's path, e.g. {@code /console/alerts}. */
    String path();

    /** Message key of the page's name in the navigation ({@code messages*.properties}). */
    String titleKey();

    int order();
}
