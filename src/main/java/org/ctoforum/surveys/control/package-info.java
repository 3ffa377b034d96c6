/** The survey's procedures in plain Java: the fixed peer groups and which of their figures stay hidden. */
package org.ctoforum.surveys.control;
