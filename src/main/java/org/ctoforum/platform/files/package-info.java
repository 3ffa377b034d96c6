/** Files kept under the data directory by their content hash. */
package org.ctoforum.platform.files;
