/**
 * The devnet of the default run: anvil nodes started and stopped by the application, demo tokens compiled
 * from src/main/solidity and deployed at start-up, the gas station funded. Off in production.
 */
package com.recoverydesk.devnet;
