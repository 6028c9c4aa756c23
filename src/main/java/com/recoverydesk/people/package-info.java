/** What people read: amounts in token units, customer sentences in the customer's language (message bundles). */
package com.recoverydesk.people;
