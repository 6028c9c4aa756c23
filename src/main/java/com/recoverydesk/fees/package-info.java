/**
 * Fees: one exact calculator ({@link com.recoverydesk.fees.FeeCalculator}) behind the public quote and the fee a
 * case is charged, prices behind {@link com.recoverydesk.fees.PriceBook} (a feed on the deposit's chain rides in the
 * verification's batch: {@link com.recoverydesk.fees.PriceFeedRide}), BELOW_FEE rejections.
 */
package com.recoverydesk.fees;
