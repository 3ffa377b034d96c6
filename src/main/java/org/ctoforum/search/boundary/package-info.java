/**
 * Search in the portal: the change log that keeps each node's index fresh, what each kind of content looks like
 * in the index, the search itself with the caller's access keys, rebuilds, synonyms, and the REST API.
 */
package org.ctoforum.search.boundary;
