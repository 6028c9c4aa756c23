// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A Chainlink-style USD price feed for the devnet (AggregatorV3Interface: latestRoundData, decimals). Its
/// deployer (anvil's ninth account) moves the answer, so a test can make a price fresh, stale, negative or
/// make the feed revert. Deployed "live": until its deployer sets a time, it reports every answer as updated in
/// the latest block, like a feed whose keepers never sleep.
contract DemoPriceFeed {
    address public immutable owner;
    uint8 public immutable decimals;
    string public description;
    uint256 public constant version = 4;

    uint80 private round;
    int256 private answer;
    uint256 private updatedAt; // 0: live, reported as the latest block's time
    bool public reverting;

    constructor(string memory description_, uint8 decimals_, int256 answer_) {
        owner = msg.sender;
        description = description_;
        decimals = decimals_;
        round = 1;
        answer = answer_;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "only the feed's owner moves it");
        _;
    }

    /// A new round: the answer, and when it was computed (0: live).
    function setAnswer(int256 answer_, uint256 updatedAt_) external onlyOwner {
        round += 1;
        answer = answer_;
        updatedAt = updatedAt_;
    }

    /// A broken feed: latestRoundData reverts, as an aggregator being replaced does.
    function setReverting(bool reverting_) external onlyOwner {
        reverting = reverting_;
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer_, uint256 startedAt, uint256 updatedAt_, uint80 answeredInRound)
    {
        require(!reverting, "feed unavailable");
        uint256 at = updatedAt == 0 ? block.timestamp : updatedAt;
        return (round, answer, at, at, round);
    }
}
