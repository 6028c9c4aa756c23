package com.recoverydesk.follow;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.ChainUnavailable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;

/** What the follower asks a chain: its head, and in one JSON-RPC batch the blocks that mined a set of transactions. */
@Component
class HeadReads {

    private final ChainClients chains;

    HeadReads(ChainClients chains) {
        this.chains = chains;
    }

    long head(String chain) {
        EthBlockNumber answer = send(chain, () -> chains.client(chain).ethBlockNumber().send());
        if (answer.hasError()) {
            throw new ChainUnavailable(chain, "tell its head block", answer.getError().getMessage());
        }
        return answer.getBlockNumber().longValueExact();
    }

    /** The block that mined each transaction the node has a receipt for; one round trip, however many hashes. */
    Map<String, Long> minedIn(String chain, List<String> hashes) {
        Map<String, Long> mined = new HashMap<>();
        if (hashes.isEmpty()) {
            return mined;
        }
        Web3j web3j = chains.client(chain);
        var batch = web3j.newBatch();
        hashes.forEach(hash -> batch.add(web3j.ethGetTransactionReceipt(hash)));
        List<? extends Response<?>> answers = send(chain, batch::send).getResponses();
        for (int i = 0; i < hashes.size(); i++) {
            EthGetTransactionReceipt answer = (EthGetTransactionReceipt) answers.get(i);
            if (answer.hasError()) {
                throw new ChainUnavailable(chain, "return the receipt of " + hashes.get(i), answer.getError().getMessage());
            }
            int at = i;
            answer.getTransactionReceipt().ifPresent(receipt -> mined.put(hashes.get(at), receipt.getBlockNumber().longValueExact()));
        }
        return mined;
    }

    private static <T> T send(String chain, Call<T> call) {
        try {
            return call.send();
        } catch (IOException e) {
            throw new ChainUnavailable(chain, "be reached", e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T send() throws IOException;
    }
}
