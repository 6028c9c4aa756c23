// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Balances that look real, but every transfer reverts: a deposit of it can never be refunded.
contract FrozenToken {
    string public constant name = "Frozen";
    string public constant symbol = "FRZ";
    uint8 public constant decimals = 18;
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function transfer(address, uint256) external pure returns (bool) {
        revert("frozen");
    }
}

/// Emits ERC-20 Transfer events but answers none of an ERC-20's questions (no decimals, symbol, balanceOf).
contract TransferEmitter {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function emitTransfer(address to, uint256 amount) external {
        emit Transfer(msg.sender, to, amount);
    }
}

/// A plain ERC-20. The tests deploy it from anvil's sixth account at nonce 0, so its address is known in
/// advance and the test chains file can denylist it.
contract FixtureToken {
    string public constant name = "Fixture";
    string public constant symbol = "FIX";
    uint8 public constant decimals = 18;
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor() {
        balanceOf[msg.sender] = 1_000_000 ether;
        emit Transfer(address(0), msg.sender, 1_000_000 ether);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        require(balanceOf[msg.sender] >= amount, "balance");
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }
}
