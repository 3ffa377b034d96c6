/**
 * The contract between search and the features it covers: each feature describes its items as {@link
 * org.ctoforum.platform.searchable.SearchDocument}s, with the {@link org.ctoforum.platform.searchable.ReaderKeys} that
 * may find them, through one {@link org.ctoforum.platform.searchable.SearchSource}.
 */
package org.ctoforum.platform.searchable;
