package com.recoverydesk.chain;

/**
 * An endpoint in chains.yml answers another chain's id: every read there would be about another chain, and a refund
 * signed for this chain would be sent to the wrong network. Refuses the start.
 */
public class EndpointOnWrongChain extends RuntimeException {

    private final String setting;

    EndpointOnWrongChain(String chain, int index, String endpoint, long expected, long answered) {
        super("chains." + chain + ".rpc-urls[" + index + "] (" + endpoint + ") answers eth_chainId " + answered + ", but chains."
                + chain + ".chain-id is " + expected + ": it is a node of another network");
        this.setting = "chains." + chain + ".rpc-urls[" + index + "]";
    }

    /** The chains.yml key to correct. */
    public String setting() {
        return setting;
    }
}
