/**
 * The exchange's wallet as Recovery Desk sees it: HD deposit keys (addresses only leave this package), the
 * directory of which user holds which deposit address for which chains (loaded by the exchange's deposit system
 * through the streamed import and the upsert, or by the demo), the gas station and the fee treasury.
 */
package com.recoverydesk.wallet;
