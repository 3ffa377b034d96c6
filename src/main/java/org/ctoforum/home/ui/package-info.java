/** The home page's bean. */
package org.ctoforum.home.ui;
