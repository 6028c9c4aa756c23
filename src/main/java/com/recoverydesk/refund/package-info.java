/** Refund execution: signing, persisting, broadcasting and confirming the refund and fee transfers, exactly once. */
package com.recoverydesk.refund;
