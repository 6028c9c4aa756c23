/**
 * The one door to the workflow engine: starting a case's process, correlating a user's reply, cancelling,
 * finding, claiming and completing the staff's tasks, and what the BPMN-facing delegates share. Controllers and
 * services call this package, never the engine API, so a move to Operaton changes imports here and in the
 * delegates and listeners only (docs/architecture.md).
 */
package com.recoverydesk.process;
