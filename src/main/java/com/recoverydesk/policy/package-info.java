/**
 * Straight-through recovery: the facts the decision table {@code recoveryPolicy} (bpmn/recovery-policy.dmn) decides
 * from, the 24-hour caps checked and reserved under one lock in the decision's transaction, where the case goes next,
 * and the record of each decision (actor {@code policy} on the timeline, {@code policy} in the case JSON).
 */
package com.recoverydesk.policy;
