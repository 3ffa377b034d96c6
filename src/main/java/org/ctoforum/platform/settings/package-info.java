/** Settings: one enum of keys and defaults, read through MicroProfile Config and checked at start. */
package org.ctoforum.platform.settings;
