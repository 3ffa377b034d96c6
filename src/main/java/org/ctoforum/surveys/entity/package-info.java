/** The survey's tables: districts, surveys with their questions, responses, and the figures stored at publication. */
package org.ctoforum.surveys.entity;
