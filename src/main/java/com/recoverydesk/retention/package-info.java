/**
 * How long cases are kept: the retention period of the application's own tables, the export of finished cases and
 * their timelines before they go, and the scheduled purge. The engine's history has its own time-to-live and cleanup
 * (application.yml, {@code camunda.bpm.generic-properties}); see docs/operations.md, "Retention".
 */
package com.recoverydesk.retention;
