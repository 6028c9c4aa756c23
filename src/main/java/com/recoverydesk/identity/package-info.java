/**
 * Who is who: Spring Security over Camunda's identity service (one set of users and groups for the API, the
 * pages, Tasklist and Cockpit), the URL rules, single sign-on into the webapps, and the demo users.
 */
package com.recoverydesk.identity;
