/** The event features fire to tell someone something, so that they need not know how notices are kept or mailed. */
package org.ctoforum.platform.notices;
