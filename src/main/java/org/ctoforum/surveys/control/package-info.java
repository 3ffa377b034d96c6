/** The survey's procedures without a container: the demo districts and the answers they give. */
package org.ctoforum.surveys.control;
