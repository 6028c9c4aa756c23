/** Keyset paging shared by every list that grows: cursors, page sizes and the next-page headers. */
package com.recoverydesk.paging;
