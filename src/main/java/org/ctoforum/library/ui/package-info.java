/** Library pages: the filtered list, an entry, and staff's editor. */
package org.ctoforum.library.ui;
