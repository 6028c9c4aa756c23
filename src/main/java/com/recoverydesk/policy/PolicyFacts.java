package com.recoverydesk.policy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the decision table decides from, one field per input column of bpmn/recovery-policy.dmn (the names are the
 * table's input expressions). {@code valueUsd} is the deposit's value at the price the case was charged at (null when
 * there is none); the two 24-hour sums count automatic refunds not given back, this case included.
 */
record PolicyFacts(
        String caseType,
        String recoveryMode,
        boolean listed,
        boolean priced,
        BigDecimal valueUsd,
        boolean refundToSender,
        boolean senderIsContract,
        int earlierRejections,
        int otherOpenCases,
        BigDecimal userAutoUsd24h,
        BigDecimal allAutoUsd24h) {

    /** The table's inputs by name. */
    Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("caseType", caseType);
        inputs.put("recoveryMode", recoveryMode);
        inputs.put("listed", listed);
        inputs.put("priced", priced);
        inputs.put("valueUsd", valueUsd);
        inputs.put("refundToSender", refundToSender);
        inputs.put("senderIsContract", senderIsContract);
        inputs.put("earlierRejections", earlierRejections);
        inputs.put("otherOpenCases", otherOpenCases);
        inputs.put("userAutoUsd24h", userAutoUsd24h);
        inputs.put("allAutoUsd24h", allAutoUsd24h);
        return inputs;
    }
}
