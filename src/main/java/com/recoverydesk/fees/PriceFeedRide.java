package com.recoverydesk.fees;

import com.recoverydesk.rules.PriceFeed;
import com.recoverydesk.rules.Pricing;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * Lets a reader that is about to send a JSON-RPC batch to a chain carry the price feed that will price the deposit,
 * when that feed lives on the same chain: the feed's answer does not depend on the deposit, so it costs no round trip
 * of its own. The fee step of the same transaction then charges at that round ({@link RoundsOfTransaction}); a feed on
 * another chain, or a fee step in a later transaction, reads the feed itself as before.
 */
@Component
public class PriceFeedRide {

    private final ChainsPriceBook prices;

    PriceFeedRide(ChainsPriceBook prices) {
        this.prices = prices;
    }

    /** The feed's calls for a batch to {@code chain}, or empty when the asset is priced statically, unlisted, or elsewhere. */
    public Optional<Ride> along(String chain, String tokenContract, Web3j web3j) {
        return prices.pricing(chain, tokenContract).filter(p -> !p.isStatic()).map(Pricing::feed)
                .filter(feed -> feed.chain().equals(chain))
                .map(feed -> new Ride(feed, PriceFeedReader.calls(web3j, feed)));
    }

    /** The calls to add to the batch, and where their answers go. */
    public static final class Ride {

        private final PriceFeed feed;
        private final List<Request<?, EthCall>> requests;

        private Ride(PriceFeed feed, List<Request<?, EthCall>> requests) {
            this.feed = feed;
            this.requests = requests;
        }

        public List<Request<?, EthCall>> requests() {
            return requests;
        }

        /** The answers to {@link #requests}, in their order. */
        public void answered(List<EthCall> answers) {
            RoundsOfTransaction.remember(feed, PriceFeedReader.round(answers.get(0), answers.get(1)));
        }
    }
}
