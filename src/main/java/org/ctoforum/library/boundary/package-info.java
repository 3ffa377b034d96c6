/** The best-practice library: reading and filtering for everyone by access, editing for staff. */
package org.ctoforum.library.boundary;
