/**
 * Chains and their rules: chains.yml read into {@link com.recoverydesk.chain.RecoveryRules} at start-up, the
 * one {@link com.recoverydesk.chain.ChainClients} that talks JSON-RPC to each chain, EVM address parsing, and
 * the public {@code GET /api/v1/chains}.
 */
package com.recoverydesk.chain;
