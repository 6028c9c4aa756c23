// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20Transfer {
    function transfer(address to, uint256 value) external returns (bool);
}

/// A contract that sends tokens it holds, as a smart wallet or another exchange's hot wallet does: a deposit from it
/// has a contract as its sender.
contract TokenForwarder {
    function forward(address token, address to, uint256 amount) external {
        require(IERC20Transfer(token).transfer(to, amount), "transfer failed");
    }
}
