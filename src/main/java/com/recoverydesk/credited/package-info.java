/** What the exchange's own deposit system credited, imported by operators; verification refuses such deposits. */
package com.recoverydesk.credited;
