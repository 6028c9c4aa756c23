/**
 * The business rules an operator edits in chains.yml: chains and their recovery modes, tokens, denylists, fees,
 * minimum values, thresholds, reply days and where refunds may go. Read once at start-up by
 * {@link com.recoverydesk.rules.ChainsFileLoader}, which names the key of every mistake. Knows nothing of
 * JSON-RPC; {@code chain} builds its clients from these rules.
 */
package com.recoverydesk.rules;
