/** Small text helpers shared by features. */
package org.ctoforum.platform.text;
