package com.recoverydesk.refund;

import java.math.BigInteger;
import java.util.List;

/**
 * A refund's native-coin account from its confirmed transactions: what its gas top-ups brought to the deposit
 * address, what the deposit address's transactions paid for gas, what the sweep took back, and so what the case
 * left behind. Gas figures come from the receipts (gas used × effective price).
 *
 * @param gasUsed  gas of every confirmed transaction of the case, the gas station's included
 * @param spent    native coin paid for that gas, by every sender
 * @param toppedUp native coin the gas station's top-ups brought to the deposit address
 * @param swept    native coin the sweep returned to the gas station
 * @param depositGas native coin the deposit address paid for its own transactions' gas (the sweep's included)
 */
record GasAccount(BigInteger gasUsed, BigInteger spent, BigInteger toppedUp, BigInteger swept, BigInteger depositGas) {

    static GasAccount of(List<RefundTransaction> txs, String deposit) {
        BigInteger used = BigInteger.ZERO;
        BigInteger spent = BigInteger.ZERO;
        BigInteger toppedUp = BigInteger.ZERO;
        BigInteger swept = BigInteger.ZERO;
        BigInteger depositGas = BigInteger.ZERO;
        for (RefundTransaction tx : txs) {
            if (tx.status() != RefundTransaction.Status.CONFIRMED) {
                continue;
            }
            used = used.add(tx.gasUsed() == null ? BigInteger.ZERO : tx.gasUsed());
            spent = spent.add(tx.gasSpent());
            if (tx.purpose() == Purpose.GAS_TOP_UP && tx.to().equalsIgnoreCase(deposit)) {
                toppedUp = toppedUp.add(tx.amount());
            }
            if (tx.purpose() == Purpose.SWEEP) {
                swept = swept.add(tx.amount());
            }
            if (tx.from().equalsIgnoreCase(deposit)) {
                depositGas = depositGas.add(tx.gasSpent());
            }
        }
        return new GasAccount(used, spent, toppedUp, swept, depositGas);
    }

    /** What the top-ups brought and neither gas nor the sweep took: the case's dust on the deposit address. */
    BigInteger leftOnDeposit() {
        return toppedUp.subtract(depositGas).subtract(swept);
    }
}
