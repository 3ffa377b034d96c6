package org.ctoforum.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a REST method: anyone, any signed-in account, or accounts holding one of the roles named.
 * {@link AccessGate} checks it before the body is read and before any object is loaded. Rules that depend on the
 * object (its author, its category) stay in the boundary. Every write must say; a method's own annotation wins over
 * its class's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OpenTo {

    String ANYONE = "anyone";
    String SIGNED_IN = "signed-in";
    /** Any signed-in account, its address confirmed or not: only for seeing one's own account and confirming it. */
    String ACCOUNT = "any-account";

    /** {@link #ANYONE}, {@link #SIGNED_IN}, or role names from {@code Role.Names}. */
    String[] value();
}
