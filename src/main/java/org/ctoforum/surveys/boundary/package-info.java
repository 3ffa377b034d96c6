/**
 * The annual IT leadership survey: districts, surveys and responses, and the peer figures computed once at
 * publication. Other features reach surveys only through these classes.
 */
package org.ctoforum.surveys.boundary;
