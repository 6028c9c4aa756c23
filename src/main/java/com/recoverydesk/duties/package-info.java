/**
 * Separation of duties inside the engine: only a member of a user task's candidate group may be its assignee or
 * decide it, whoever asks and on whichever path (our API, Tasklist, the engine REST API).
 */
package com.recoverydesk.duties;
