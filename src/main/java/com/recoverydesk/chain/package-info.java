/**
 * Talking to chains: the one {@link com.recoverydesk.chain.ChainClients} that speaks JSON-RPC to each chain of
 * {@link com.recoverydesk.rules.RecoveryRules} over the chain's endpoints (failover, probes, the request budget), EVM address and TXID parsing, the devnet's demo tokens, and the
 * public {@code GET /api/v1/chains}.
 */
package com.recoverydesk.chain;
