package com.recoverydesk.rules;

import java.math.BigDecimal;

/** The recovery fee for one kind of case: a percentage of the deposit's value, clamped to [min, max] USD. */
public record FeeRule(BigDecimal percent, BigDecimal minUsd, BigDecimal maxUsd) {
}
