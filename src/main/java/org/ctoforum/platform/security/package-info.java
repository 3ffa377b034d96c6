/** Who is calling, for every feature; the sign-in itself lives in membership. */
package org.ctoforum.platform.security;
