package org.onex.hub.exchange;

/**
 * One reason an exchange or an answer was refused: the item of the letter it concerns (a JSON pointer-like
 * path such as {@code materials} or {@code sender.creditCode}), the policy rule, and a message in Chinese and
 * English that says what to fix.
 */
public record Refusal(String item, String ruleId, String messageZh, String message) {
}
