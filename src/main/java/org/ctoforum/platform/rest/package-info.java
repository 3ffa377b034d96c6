/** The REST platform: the /api application, and problem+json for every error. */
package org.ctoforum.platform.rest;
