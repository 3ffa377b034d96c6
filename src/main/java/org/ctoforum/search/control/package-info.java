/**
 * The search engine on plain Lucene, free of the container: analysis, the index's directories, query parsing, and
 * the access-aware search itself. Unit tests drive it with a real index in a temporary folder.
 */
package org.ctoforum.search.control;
