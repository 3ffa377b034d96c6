/** Best-practice library entries. */
package org.ctoforum.library.entity;
