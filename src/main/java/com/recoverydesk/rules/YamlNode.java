package com.recoverydesk.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** A node of chains.yml with the key path that leads to it, so every mistake names its key. */
record YamlNode(JsonNode json, String path) {

    YamlNode child(String key) {
        return new YamlNode(json.get(key), path.isEmpty() ? key : path + "." + key);
    }

    YamlNode element(int index) {
        return new YamlNode(json.get(index), path + "[" + index + "]");
    }

    boolean missing() {
        return json == null || json.isNull();
    }
}
