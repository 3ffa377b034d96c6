/** Demo mode: each feature seeds its part of seeds/ through {@link org.ctoforum.platform.demo.DemoSeed}. */
package org.ctoforum.platform.demo;
