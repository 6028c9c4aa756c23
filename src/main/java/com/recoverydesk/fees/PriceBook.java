package com.recoverydesk.fees;

import java.math.BigDecimal;
import java.util.Optional;

/** USD prices of what a case can hold. chains.yml's static prices today; a price feed can replace them. */
public interface PriceBook {

    /** The USD price of one whole token (or native coin when {@code tokenContract} is null), if known. */
    Optional<BigDecimal> usdPrice(String chain, String tokenContract);
}
