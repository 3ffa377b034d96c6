/**
 * The survey's rules in plain Java: answers checked by type, the fixed peer groups, which figures stay hidden, the
 * figures themselves, and the demo population.
 */
package org.ctoforum.surveys.control;
