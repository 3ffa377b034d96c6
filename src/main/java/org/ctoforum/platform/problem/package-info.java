/** Failures a caller can act on, thrown by boundaries and shown by the API and the pages alike. */
package org.ctoforum.platform.problem;
