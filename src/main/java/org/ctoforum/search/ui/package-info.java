/** The search results page and the staff page for the index. */
package org.ctoforum.search.ui;
