/**
 * Following the chains: one head follower per chain (held by one node through a lease in the database) that wakes
 * exactly the cases whose confirmations a new head has reached, with the receipts of all of them read in one batch.
 */
package com.recoverydesk.follow;
