/** The event features fire when searchable content changes, so that they need not know about search. */
package org.ctoforum.platform.changes;
